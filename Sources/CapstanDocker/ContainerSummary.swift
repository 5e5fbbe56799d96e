import CapstanModel
import Foundation

/// One row of `GET /containers/json`: enough to match containers to pods without inspecting each.
public struct ContainerSummary: Sendable, Hashable {
    /// The full container ID.
    public var id: String
    /// The names, without Docker's leading `/`.
    public var names: [String]
    /// The image as given at create time.
    public var image: String
    /// The image's ID (`sha256:…`).
    public var imageID: String
    /// The container's labels.
    public var labels: [String: String]
    /// `created`, `running`, `paused`, `restarting`, `removing`, `exited` or `dead`.
    public var state: String
    /// The human-readable status, e.g. `Up 5 minutes (healthy)`.
    public var status: String
    /// When the container was created (whole seconds).
    public var created: Date

    public init(
        id: String, names: [String], image: String, imageID: String, labels: [String: String], state: String,
        status: String, created: Date
    ) {
        self.id = id
        self.names = names
        self.image = image
        self.imageID = imageID
        self.labels = labels
        self.state = state
        self.status = status
        self.created = created
    }

    /// The first name, or the short ID.
    public var name: String {
        names.first ?? String(id.prefix(12))
    }

    /// Reads one row of the list.
    init?(json: Value) {
        guard let id = json["Id"]?.stringValue else { return nil }
        self.init(
            id: id,
            names: (json["Names"]?.stringArray ?? []).map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 },
            image: json["Image"]?.stringValue ?? "", imageID: json["ImageID"]?.stringValue ?? "",
            labels: json["Labels"]?.stringMap ?? [:], state: json["State"]?.stringValue ?? "",
            status: json["Status"]?.stringValue ?? "",
            created: Date(timeIntervalSince1970: TimeInterval(json["Created"]?.intValue ?? 0)))
    }
}
