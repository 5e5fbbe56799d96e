import CapstanModel
import CapstanYAML

/// A resource decoded from one file, with what is needed to point at its fields if a later check fails.
struct DecodedManifest: Sendable {
    var manifest: Manifest
    /// Positions of the resource's file, read on demand.
    var locator: LineLocator
    /// The index of the resource's document in its file.
    var documentIndex: Int
    /// Where the resource sits in its document: empty, or `items[i]` inside a `kind: List`.
    var basePath: [PathComponent]
    /// True when the namespace was not written but given from the options.
    var namespaceDefaulted = false

    /// The line of `path` inside this resource: the closest existing field, else the resource's own line.
    func line(of path: [PathComponent]) -> Int {
        guard let node = locator.document(at: documentIndex) else { return manifest.location.line }
        return node.closestLine(of: basePath + path)
    }
}
