import CapstanModel
import Foundation

/// What `GET /containers/{id}/json` says about one container.
///
/// `description` names the environment variables but never shows their values (they may be secrets).
public struct ContainerDetails: Sendable, Hashable, CustomStringConvertible {
    /// The full container ID.
    public var id: String
    /// The name, without Docker's leading `/`.
    public var name: String
    /// The image as given at create time (`Config.Image`).
    public var image: String
    /// The image's ID (`sha256:…`).
    public var imageID: String
    /// When the container was created.
    public var created: Date?
    /// The run state.
    public var state: ContainerState
    /// How often the daemon restarted it (its own restart policy only).
    public var restartCount: Int
    /// The labels (`Config.Labels`).
    public var labels: [String: String]
    /// The environment, the image's merged with the spec's (`Config.Env`).
    public var env: [String: String]
    /// Host settings: network mode, init, limits, mounts.
    public var hostConfig: ContainerHostConfig

    public init(
        id: String, name: String, image: String, imageID: String, created: Date?, state: ContainerState,
        restartCount: Int, labels: [String: String], env: [String: String], hostConfig: ContainerHostConfig
    ) {
        self.id = id
        self.name = name
        self.image = image
        self.imageID = imageID
        self.created = created
        self.state = state
        self.restartCount = restartCount
        self.labels = labels
        self.env = env
        self.hostConfig = hostConfig
    }

    public var description: String {
        let names = env.keys.sorted().joined(separator: ",")
        return "ContainerDetails(\(name) \(id.prefix(12)), image: \(image), state: \(state.status), "
            + "env names: [\(names)])"
    }

    /// Reads the inspect answer.
    init?(json: Value) {
        guard let id = json["Id"]?.stringValue else { return nil }
        let name = json["Name"]?.stringValue ?? ""
        self.init(
            id: id, name: name.hasPrefix("/") ? String(name.dropFirst()) : name,
            image: json[path: ["Config", "Image"]]?.stringValue ?? "", imageID: json["Image"]?.stringValue ?? "",
            created: json["Created"]?.dockerTime, state: ContainerState(json: json["State"] ?? .null),
            restartCount: json["RestartCount"]?.intValue ?? 0,
            labels: json[path: ["Config", "Labels"]]?.stringMap ?? [:],
            env: json[path: ["Config", "Env"]]?.environment ?? [:],
            hostConfig: ContainerHostConfig(json: json["HostConfig"] ?? .null))
    }
}
