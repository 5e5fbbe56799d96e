/// A resource decoded from git, with the place in the repository it was written.
public struct Manifest: Sendable, Hashable {
    public var resource: Resource
    /// The file and the line where the resource's YAML document or JSON object starts.
    public var location: SourceLocation

    public init(resource: Resource, location: SourceLocation) {
        self.resource = resource
        self.location = location
    }
}
