import CapstanHTTPClient
import CapstanModel
import Foundation

extension DockerEngine {
    /// Follows the daemon's events for objects carrying all `labels` (a nil value matches any value),
    /// optionally only of `types` and from `since` on. The stream runs until the daemon closes it
    /// (it then finishes, or throws a `DockerError`), or the consuming task is cancelled or drops the
    /// stream (it then finishes quietly and the connection is closed).
    public func events(
        labels: [String: String?], types: [String] = [], since: Date? = nil
    ) -> AsyncThrowingStream<DockerEvent, any Error> {
        var query: [(String, String)] = []
        if let since { query.append(("since", String(format: "%.9f", since.timeIntervalSince1970))) }
        let extra = types.isEmpty ? [:] : ["type": types]
        if let filters = DockerQuery.labelFilters(labels, extra: extra) { query.append(("filters", filters)) }
        let request = HTTPRequest(url: url("/events", query))
        let bytes = client.stream(request)
        let (events, continuation) = AsyncThrowingStream<DockerEvent, any Error>.makeStream()
        let pump = Task {
            do {
                var lines = JSONLineSplitter()
                for try await chunk in bytes {
                    for line in lines.append(chunk) {
                        let value = try Self.parse(line, what: "follow events")
                        if let event = DockerEvent(json: value) { continuation.yield(event) }
                    }
                }
                continuation.finish()
            } catch let error as HTTPClientError where error.kind == .cancelled || error.kind == .shutdown {
                continuation.finish()
            } catch let error as HTTPClientError {
                continuation.finish(throwing: DockerError.fromTransport(error, what: "follow events"))
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in pump.cancel() }
        return events
    }
}
