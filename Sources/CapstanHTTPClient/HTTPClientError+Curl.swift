import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension HTTPClientError {
    /// Classifies a failed libcurl transfer; `osErrno` is the failing system call's errno, used
    /// for connect failures because it is clearer than curl's text ("Connection refused").
    static func fromCurl(
        _ code: CURLcode, osErrno: Int, message: String, request: HTTPRequest, unixSocketPath: String?
    ) -> HTTPClientError {
        func make(_ kind: Kind, _ detail: String, retryable: Bool) -> HTTPClientError {
            HTTPClientError(
                kind: kind, method: request.method, url: request.url, detail: detail,
                isRetryable: retryable)
        }
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            var reason = osErrno != 0 ? String(cString: strerror(Int32(osErrno))) : message
            if let unixSocketPath { reason += " (unix socket \(unixSocketPath))" }
            return make(.connectFailed, reason, retryable: true)
        case CURLE_OPERATION_TIMEDOUT:
            return make(.timedOut, message, retryable: true)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return make(.invalidURL, message, retryable: false)
        case CURLE_FILESIZE_EXCEEDED:
            return make(.tooLarge, message, retryable: false)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return make(.tls, message, retryable: false)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return make(.transfer, message, retryable: true)
        default:
            return make(.transfer, message, retryable: false)
        }
    }

    /// An error of `kind` with no further detail (`cancelled`, `shutdown`).
    static func plain(_ kind: Kind, for request: HTTPRequest) -> HTTPClientError {
        HTTPClientError(kind: kind, method: request.method, url: request.url, detail: "", isRetryable: false)
    }
}
