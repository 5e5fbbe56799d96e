import CapstanModel

/// A resource in git whose kind the backend does not run: left out of the sync and reported, not applied.
public struct UnsupportedResource: Sendable, Hashable {
    public var key: ResourceKey
    /// The file and line of its manifest.
    public var location: SourceLocation
    /// Why it is not applied (`not supported on backend docker: no metrics`).
    public var reason: String

    public init(key: ResourceKey, location: SourceLocation, reason: String) {
        self.key = key
        self.location = location
        self.reason = reason
    }
}

extension UnsupportedResource: CustomStringConvertible {
    /// `HorizontalPodAutoscaler/default/web: not supported on backend docker: no metrics`.
    public var description: String { "\(key): \(reason)" }
}
