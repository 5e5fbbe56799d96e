import CapstanModel

/// One line of an image pull's progress stream, e.g. `Downloading` a layer with bytes done and total.
public struct PullProgress: Sendable, Hashable {
    /// What happens, e.g. `Pulling fs layer`, `Downloading`, `Pull complete`, `Status: Downloaded newer image …`.
    public var status: String
    /// The layer (short digest) or tag the line is about, if any.
    public var id: String?
    /// Bytes done, while downloading or extracting.
    public var current: Int?
    /// Bytes in all, when known.
    public var total: Int?

    public init(status: String, id: String? = nil, current: Int? = nil, total: Int? = nil) {
        self.status = status
        self.id = id
        self.current = current
        self.total = total
    }

    /// Reads one progress line (not an error line).
    init(json: Value) {
        self.init(
            status: json["status"]?.stringValue ?? "", id: json["id"]?.stringValue,
            current: json[path: ["progressDetail", "current"]]?.intValue,
            total: json[path: ["progressDetail", "total"]]?.intValue)
    }
}
