import Synchronization

/// The live part of one listener, shared by its accepted connections: the backends in rotation, the
/// round-robin position and the counters. Replaced backends apply to new connections only.
final class ListenerState: Sendable {
    private struct Counters {
        var backends: [ProxyBackend]
        var next = 0
        var accepted = 0
        var forwarded = 0
        var failed = 0
        var active = 0
        var perBackend: [ProxyBackend: ProxyBackendStats] = [:]
    }

    private let counters: Mutex<Counters>

    init(backends: [ProxyBackend]) {
        counters = Mutex(Counters(backends: []))
        replaceBackends(backends)
    }

    /// Puts `backends` in rotation; a removed backend's stats stay until its connections close.
    func replaceBackends(_ backends: [ProxyBackend]) {
        counters.withLock { state in
            state.backends = backends
            let wanted = Set(backends)
            for (backend, stats) in state.perBackend {
                if wanted.contains(backend) {
                    state.perBackend[backend]?.inRotation = true
                } else if stats.active == 0 {
                    state.perBackend[backend] = nil
                } else {
                    state.perBackend[backend]?.inRotation = false
                }
            }
            for backend in backends where state.perBackend[backend] == nil {
                state.perBackend[backend] = ProxyBackendStats(backend: backend)
            }
        }
    }

    /// Counts an accepted connection and returns the backends to try for it, in order: the next one in
    /// the rotation first, then the others once each. Empty when the listener has no backends.
    func acceptAndRoute() -> [ProxyBackend] {
        counters.withLock { state in
            state.accepted += 1
            let backends = state.backends
            guard !backends.isEmpty else { return [] }
            let start = state.next % backends.count
            state.next = (start + 1) % backends.count
            return Array(backends[start...] + backends[..<start])
        }
    }

    /// Counts an accepted connection closed without a backend.
    func recordFailed() {
        counters.withLock { $0.failed += 1 }
    }

    /// Counts a failed connection attempt to `backend`.
    func recordConnectFailure(_ backend: ProxyBackend) {
        counters.withLock { $0.perBackend[backend]?.connectFailures += 1 }
    }

    /// Counts a connection forwarded to `backend`, open until `recordClosed(_:)`.
    func recordForwarded(_ backend: ProxyBackend) {
        counters.withLock { state in
            state.forwarded += 1
            state.active += 1
            state.perBackend[backend]?.connections += 1
            state.perBackend[backend]?.active += 1
        }
    }

    /// Counts the end of a connection forwarded to `backend`.
    func recordClosed(_ backend: ProxyBackend) {
        counters.withLock { state in
            state.active -= 1
            guard var stats = state.perBackend[backend] else { return }
            stats.active -= 1
            state.perBackend[backend] = stats.inRotation || stats.active > 0 ? stats : nil
        }
    }

    /// The counters now, backends in rotation first in their order, then draining ones by address.
    func snapshot(into stats: inout ProxyListenerStats) {
        counters.withLock { state in
            stats.accepted = state.accepted
            stats.forwarded = state.forwarded
            stats.failed = state.failed
            stats.active = state.active
            var seen: Set<ProxyBackend> = []
            let inRotation = state.backends.filter { seen.insert($0).inserted }.compactMap { state.perBackend[$0] }
            let draining = state.perBackend.values.filter { !$0.inRotation }
                .sorted { $0.backend.description < $1.backend.description }
            stats.backends = inRotation + draining
        }
    }
}
