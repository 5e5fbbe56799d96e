import CapstanModel
import Foundation

/// A named volume (`/volumes`): where a PersistentVolumeClaim's data lives.
public struct DockerVolume: Sendable, Hashable {
    /// The volume name.
    public var name: String
    /// The volume driver, `local` by default.
    public var driver: String
    /// Where the data lies on the daemon's host.
    public var mountpoint: String
    /// The volume's labels.
    public var labels: [String: String]
    /// When it was created.
    public var createdAt: Date?

    public init(name: String, driver: String, mountpoint: String, labels: [String: String], createdAt: Date?) {
        self.name = name
        self.driver = driver
        self.mountpoint = mountpoint
        self.labels = labels
        self.createdAt = createdAt
    }

    /// Reads one volume object.
    init?(json: Value) {
        guard let name = json["Name"]?.stringValue else { return nil }
        self.init(
            name: name, driver: json["Driver"]?.stringValue ?? "", mountpoint: json["Mountpoint"]?.stringValue ?? "",
            labels: json["Labels"]?.stringMap ?? [:], createdAt: json["CreatedAt"]?.dockerTime)
    }
}
