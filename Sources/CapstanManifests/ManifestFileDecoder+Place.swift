import CapstanYAML

extension ManifestFileDecoder {
    /// Where a resource was written: its file and line, and how to find the lines of its fields.
    struct Place {
        var file: String
        var line: Int
        var locator: LineLocator
        var documentIndex = 0
        /// `items[i]` for an item of a `kind: List`.
        var basePath: [PathComponent] = []

        /// The line of `path` inside the resource (the closest existing field), else the resource's line.
        func line(of path: [PathComponent]) -> Int {
            locator.document(at: documentIndex)?.closestLine(of: basePath + path) ?? line
        }
    }
}
