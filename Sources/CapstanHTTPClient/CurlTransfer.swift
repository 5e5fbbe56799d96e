import CCurl
import Synchronization

/// One request in flight: its easy handle, what has been received, and who waits for the outcome.
///
/// The caller sets `sink` before `CurlMultiLoop.submit`; from then on only the loop thread
/// touches the mutable state, except `cancelRequested`, which any thread may set.
final class CurlTransfer: @unchecked Sendable {
    /// Where the outcome goes.
    enum Sink {
        case none
        case response(CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>)
        case stream(AsyncThrowingStream<[UInt8], any Error>.Continuation)
    }

    /// Bytes of a failed stream's body kept for the error message.
    static let maxErrorBodyBytes = 64 << 10

    let request: HTTPRequest
    let configuration: HTTPClientConfiguration
    /// True for `stream`: chunks go out as they arrive, no size limit, no default total timeout.
    let isStreaming: Bool
    var sink: Sink = .none
    /// Set by `CurlMultiLoop.cancel`; callbacks stop the transfer when they see it.
    let cancelRequested = Atomic<Bool>(false)

    /// The easy handle while the transfer owns one.
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    /// libcurl's human-readable message for the last failure (`CURLOPT_ERRORBUFFER`).
    let errorBuffer: UnsafeMutablePointer<CChar>
    var status = 0
    var headers: [HTTPHeader] = []
    var body: [UInt8] = []
    var exceededLimit = false
    private var isFinished = false

    init(request: HTTPRequest, configuration: HTTPClientConfiguration, isStreaming: Bool) {
        self.request = request
        self.configuration = configuration
        self.isStreaming = isStreaming
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Turns libcurl's result into the caller's outcome (loop thread, handle already removed).
    func complete(code: CURLcode) {
        if let easy {
            capstan_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        }
        guard code == CURLE_OK else {
            deliver(.failure(error(for: code)))
            return
        }
        let response = HTTPResponse(status: status, headers: headers, body: body)
        if isStreaming && !response.isSuccess {
            deliver(.failure(.unexpectedStatus(response, for: request)))
        } else {
            deliver(.success(response))
        }
    }

    /// Ends the transfer with an error of `kind` that needs no detail (`cancelled`, `shutdown`).
    func fail(_ kind: HTTPClientError.Kind) {
        deliver(.failure(.plain(kind, for: request)))
    }

    /// Ends the transfer with `error`.
    func fail(_ error: HTTPClientError) {
        deliver(.failure(error))
    }

    /// Hands the outcome to the waiting caller, once.
    private func deliver(_ result: Result<HTTPResponse, HTTPClientError>) {
        guard !isFinished else { return }
        isFinished = true
        switch sink {
        case .none:
            break
        case .response(let continuation):
            continuation.resume(returning: result)
        case .stream(let continuation):
            switch result {
            case .success: continuation.finish()
            case .failure(let error): continuation.finish(throwing: error)
            }
        }
        sink = .none
    }

    /// The error for a failed transfer: our own reasons first, then libcurl's.
    private func error(for code: CURLcode) -> HTTPClientError {
        if cancelRequested.load(ordering: .relaxed) {
            return .plain(.cancelled, for: request)
        }
        if exceededLimit || code == CURLE_FILESIZE_EXCEEDED {
            return HTTPClientError(
                kind: .tooLarge, method: request.method, url: request.url,
                detail: "the body exceeds the limit of \(configuration.maxResponseBytes) bytes",
                isRetryable: false)
        }
        var osErrno = 0
        if let easy {
            capstan_curl_getinfo_long(easy, CURLINFO_OS_ERRNO, &osErrno)
        }
        let message =
            errorBuffer[0] != 0
            ? String(cString: errorBuffer)
            : String(cString: curl_easy_strerror(code))
        return .fromCurl(
            code, osErrno: osErrno, message: message, request: request,
            unixSocketPath: configuration.unixSocketPath)
    }
}
