/// An HTTP/1.1 client over libcurl for the CLI, webhooks and the Docker Engine API.
///
/// Transfers run on one dedicated thread per client (a libcurl multi handle), never on Swift's
/// cooperative pool; connections to a host or unix socket are kept and reused. Redirects are
/// not followed. Safe to share between tasks.
public final class CurlHTTPClient: Sendable {
    /// The settings every request of this client uses.
    public let configuration: HTTPClientConfiguration
    private let loop: CurlMultiLoop

    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        self.configuration = configuration
        loop = CurlMultiLoop(maxConnectionsPerHost: configuration.maxConnectionsPerHost)
    }

    deinit {
        loop.shutdown()
    }

    /// Sends `request` and returns the whole response; any status is a response, not an error.
    /// Cancelling the calling task aborts the transfer with `cancelled`.
    public func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let transfer = CurlTransfer(request: request, configuration: configuration, isStreaming: false)
        let loop = self.loop
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.sink = .response(continuation)
                loop.submit(transfer)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
        return try result.get()
    }

    /// Sends `request` and yields body chunks as they arrive, for endless or large responses
    /// (`/events`, image pulls). A non-2xx status throws `unexpectedStatus` with the body text.
    /// There is no size limit and, unless the request sets one, no total timeout. Cancelling the
    /// consuming task, or dropping the stream, aborts the transfer.
    public func stream(_ request: HTTPRequest) -> AsyncThrowingStream<[UInt8], any Error> {
        let (stream, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let transfer = CurlTransfer(request: request, configuration: configuration, isStreaming: true)
        transfer.sink = .stream(continuation)
        // Capturing `self` keeps the client alive until the stream ends.
        continuation.onTermination = { [self] termination in
            if case .cancelled = termination { loop.cancel(transfer) }
        }
        loop.submit(transfer)
        return stream
    }

    /// Fails queued and running requests with `shutdown` and closes all connections.
    /// Later requests fail at once. Also happens when the client is released.
    public func shutdown() {
        loop.shutdown()
    }
}
