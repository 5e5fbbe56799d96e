import CapstanHTTPClient
import CapstanModel

extension DockerEngine {
    /// True when the image is present locally.
    public func imageExists(_ reference: String) async throws(DockerError) -> Bool {
        do {
            _ = try await inspectImage(reference)
            return true
        } catch  where error.isNotFound {
            return false
        }
    }

    /// A local image's ID, tags and defaults; `notFound` when absent.
    public func inspectImage(_ reference: String) async throws(DockerError) -> ImageDetails {
        let what = "inspect image \(reference)"
        let path = "/images/\(DockerQuery.escape(reference, keeping: "/:@"))/json"
        let value = try await callJSON("GET", path, what: what)
        guard let details = ImageDetails(json: value) else {
            throw DockerError.invalidResponse(what, "the answer has no Id")
        }
        return details
    }

    /// Pulls an image (`latest` when the reference names no tag), calling `progress` for each progress
    /// line; a line that carries `error` fails the pull with `pullFailed` and the daemon's message.
    /// Registry credentials are not supported yet.
    public func pullImage(
        _ reference: String, progress: @Sendable (PullProgress) -> Void = { _ in }
    ) async throws(DockerError) {
        let what = "pull image \(reference)"
        let parts = ImageReference(reference)
        let request = HTTPRequest(
            method: "POST", url: url("/images/create", [("fromImage", parts.repository), ("tag", parts.tag)]),
            timeout: timeouts.pull)
        var lines = JSONLineSplitter()
        do {
            for try await chunk in client.stream(request) {
                for line in lines.append(chunk) {
                    try Self.handlePullLine(line, what: what, progress: progress)
                }
            }
            if let line = lines.finish() { try Self.handlePullLine(line, what: what, progress: progress) }
            // A cancelled consumer sees the stream end early, not an error.
            if Task.isCancelled {
                throw DockerError(kind: .cancelled, what: what, message: "cancelled", isRetryable: false)
            }
        } catch let error as DockerError {
            throw error
        } catch let error as HTTPClientError {
            throw DockerError.fromTransport(error, what: what)
        } catch {
            throw DockerError(kind: .cancelled, what: what, message: "\(error)", isRetryable: false)
        }
    }

    private static func handlePullLine(
        _ line: [UInt8], what: String, progress: (PullProgress) -> Void
    ) throws(DockerError) {
        let value = try parse(line, what: what)
        if let message = value["error"]?.stringValue ?? value[path: ["errorDetail", "message"]]?.stringValue {
            let lowered = message.lowercased()
            let permanent = DockerError.permanentMarkers.contains { lowered.contains($0) }
            throw DockerError(kind: .pullFailed, what: what, message: message, isRetryable: !permanent)
        }
        progress(PullProgress(json: value))
    }
}
