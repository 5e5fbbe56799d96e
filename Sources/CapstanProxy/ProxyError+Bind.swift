import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension ProxyError {
    /// A bind failure of `listener`, with the OS error's text and number when there is one.
    ///
    /// Retryable when the port is in use (it may be freed); not when the address is not on this host,
    /// the port is privileged or the host name does not resolve.
    static func bindFailed(_ listener: ProxyListener, _ error: any Error) -> ProxyError {
        let detail: String
        let retryable: Bool
        if let io = error as? IOError {
            detail = "\(String(cString: strerror(io.errnoCode))) (errno \(io.errnoCode))"
            retryable = io.errnoCode == EADDRINUSE
        } else {
            detail = String(describing: error)
            retryable = false
        }
        return ProxyError(
            kind: .bindFailed, listener: listener.name, host: listener.host, port: listener.port, detail: detail,
            isRetryable: retryable)
    }

    /// The error `update` throws after the proxy was shut down.
    static let shutdownError = ProxyError(kind: .shutdown, listener: "", host: "", port: 0, detail: "shut down")
}
