import CapstanModel
import Foundation

/// One event from `GET /events`, e.g. a container's `start`, `die`, `oom` or `health_status: healthy`.
public struct DockerEvent: Sendable, Hashable {
    /// The object type: `container`, `image`, `volume`, `network`, ….
    public var type: String
    /// What happened: `create`, `start`, `die`, `oom`, `kill`, `destroy`, `health_status: unhealthy`, ….
    public var action: String
    /// The object's ID (a container ID, a volume name, …).
    public var actorID: String
    /// The object's labels plus details such as `name`, `image`, `exitCode` (for `die`) or `signal`.
    public var attributes: [String: String]
    /// When it happened (nanosecond precision where the daemon gives it).
    public var time: Date

    public init(type: String, action: String, actorID: String, attributes: [String: String], time: Date) {
        self.type = type
        self.action = action
        self.actorID = actorID
        self.attributes = attributes
        self.time = time
    }

    /// Reads one event line.
    init?(json: Value) {
        guard let type = json["Type"]?.stringValue, let action = json["Action"]?.stringValue else { return nil }
        let time: Date
        if let nanos = json["timeNano"]?.intValue {
            time = Date(
                timeIntervalSince1970: TimeInterval(nanos / 1_000_000_000) + TimeInterval(nanos % 1_000_000_000) / 1e9)
        } else {
            time = Date(timeIntervalSince1970: TimeInterval(json["time"]?.intValue ?? 0))
        }
        self.init(
            type: type, action: action, actorID: json[path: ["Actor", "ID"]]?.stringValue ?? "",
            attributes: json[path: ["Actor", "Attributes"]]?.stringMap ?? [:], time: time)
    }
}
