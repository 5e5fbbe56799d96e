import CapstanModel

/// A resource as git wants it: normalized, with a stable hash and the place it was written.
public struct DesiredResource: Sendable, Hashable {
    /// The normalized resource (see `ResourceNormalizer`).
    public let resource: Resource
    /// The file and line of the manifest it came from.
    public let location: SourceLocation
    /// SHA-256 of the normalized resource's canonical JSON, as lowercase hex (HMAC-SHA256 under the service's
    /// checksum key for Secrets and ConfigMaps, see `DesiredState.build`).
    public let hash: String
    /// The identity of the resource, read once from `resource`.
    public let key: ResourceKey

    /// Wraps an already normalized resource; `DesiredState.build` is the usual way in.
    public init(resource: Resource, location: SourceLocation, hash: String) {
        self.resource = resource
        self.location = location
        self.hash = hash
        self.key = resource.key
    }
}

extension DesiredResource: CustomStringConvertible, CustomReflectable {
    /// `Secret/prod/db (apps/db.yaml:3) sha256:0a1b2c3d`: never the resource's content.
    public var description: String {
        "\(key) (\(location)) sha256:\(hash.prefix(8))"
    }

    /// Hides the resource body from `dump` and debuggers, so Secret data is never printed.
    public var customMirror: Mirror {
        Mirror(self, children: ["key": key, "location": location, "hash": hash])
    }
}
