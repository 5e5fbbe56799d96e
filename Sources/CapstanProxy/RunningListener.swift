import NIOCore

/// A listener the proxy was asked for: bound (with its server channel) or waiting to bind after an error.
struct RunningListener {
    /// What was asked for; backends change in place, address changes rebind.
    var spec: ProxyListener
    /// Backends in rotation and counters, shared with the listener's connections.
    let state: ListenerState
    /// The listening socket; nil while the last bind failed.
    var channel: (any Channel)?
    /// The port the system bound.
    var boundPort: Int?
    /// Why the last bind failed.
    var bindError: ProxyError?

    /// True when `other` listens on the same host and port, so only the backends need replacing.
    func hasSameAddress(as other: ProxyListener) -> Bool {
        spec.host == other.host && spec.port == other.port
    }

    /// The listener's counters now.
    var stats: ProxyListenerStats {
        var stats = ProxyListenerStats(name: spec.name, host: spec.host)
        stats.boundPort = boundPort
        stats.bindError = bindError
        state.snapshot(into: &stats)
        return stats
    }
}
