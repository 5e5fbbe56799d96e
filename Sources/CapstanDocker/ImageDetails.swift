import CapstanModel
import Foundation

/// What `GET /images/{name}/json` says about a local image.
public struct ImageDetails: Sendable, Hashable {
    /// The image ID (`sha256:…`).
    public var id: String
    /// The tags that name it, e.g. `nginx:1.27`.
    public var repoTags: [String]
    /// Registry digests, e.g. `nginx@sha256:…`.
    public var repoDigests: [String]
    /// When it was built.
    public var created: Date?
    /// Its size in bytes.
    public var sizeBytes: Int
    /// The image's default entrypoint and command.
    public var entrypoint: [String]
    public var cmd: [String]
    /// Labels set at build time.
    public var labels: [String: String]

    public init(
        id: String, repoTags: [String], repoDigests: [String], created: Date?, sizeBytes: Int,
        entrypoint: [String], cmd: [String], labels: [String: String]
    ) {
        self.id = id
        self.repoTags = repoTags
        self.repoDigests = repoDigests
        self.created = created
        self.sizeBytes = sizeBytes
        self.entrypoint = entrypoint
        self.cmd = cmd
        self.labels = labels
    }

    /// Reads the inspect answer.
    init?(json: Value) {
        guard let id = json["Id"]?.stringValue else { return nil }
        self.init(
            id: id, repoTags: json["RepoTags"]?.stringArray ?? [], repoDigests: json["RepoDigests"]?.stringArray ?? [],
            created: json["Created"]?.dockerTime, sizeBytes: json["Size"]?.intValue ?? 0,
            entrypoint: json[path: ["Config", "Entrypoint"]]?.stringArray ?? [],
            cmd: json[path: ["Config", "Cmd"]]?.stringArray ?? [],
            labels: json[path: ["Config", "Labels"]]?.stringMap ?? [:])
    }
}
