import Logging
import Synchronization

/// Keeps every log line (`LEVEL message key=value…`, metadata sorted) so tests can check what was logged.
public final class CapturedLogs: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    /// A handler writing into this capture.
    public func handler() -> Handler { Handler(capture: self) }

    /// A logger writing into this capture.
    public var logger: Logger { Logger(label: "test") { _ in self.handler() } }

    /// Everything logged so far.
    public var all: [String] { lines.withLock { $0 } }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    public struct Handler: LogHandler {
        let capture: CapturedLogs
        public var metadata: Logger.Metadata = [:]
        public var logLevel: Logger.Level = .trace

        public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        public func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            capture.append("\(event.level) \(event.message) \(rendered)")
        }
    }
}
