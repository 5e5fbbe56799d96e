import Logging
import NIOCore
import NIOPosix

/// A kube-proxy for the Docker backend: one TCP listener per Service port, each connection forwarded to
/// the listener's next backend, round robin.
///
/// `update(_:)` is level-based: it takes the whole set of listeners each time, opens new ones, closes
/// removed ones (their open connections may finish) and replaces backend sets in place (new connections
/// use the new set, open ones are untouched). A listener that failed to bind is retried by the next update.
public actor ServiceProxy {
    let group: any EventLoopGroup
    let connectTimeout: TimeAmount
    let logger: Logger
    let registry = ConnectionRegistry()
    var listeners: [String: RunningListener] = [:]
    var isShutdown = false
    private var isUpdating = false
    private var waitingUpdates: [CheckedContinuation<Void, Never>] = []

    /// A proxy on `group` (NIO's shared loops when nil) that gives up on a backend after `connectTimeout`.
    public init(
        group: (any EventLoopGroup)? = nil, connectTimeout: Duration = .seconds(2),
        logger: Logger = Logger(label: "capstan.proxy")
    ) {
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
        let (seconds, attoseconds) = connectTimeout.components
        self.connectTimeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        self.logger = logger
    }

    /// Makes the listeners exactly `desired`; see the type's summary.
    ///
    /// Invalid listeners fail the whole update before anything changes. A listener that cannot bind is
    /// thrown as `bindFailed` (further ones in `moreFailures`) after all others are set up.
    public func update(_ desired: [ProxyListener]) async throws(ProxyError) {
        try ProxyListener.validate(desired)
        await beginUpdate()
        defer { endUpdate() }
        guard !isShutdown else { throw ProxyError.shutdownError }

        let wanted = Dictionary(uniqueKeysWithValues: desired.map { ($0.name, $0) })
        for (name, running) in listeners where !(wanted[name].map(running.hasSameAddress(as:)) ?? false) {
            listeners[name] = nil
            await close(running)
        }
        var failures: [ProxyError] = []
        for spec in desired {
            if let error = await apply(spec) { failures.append(error) }
        }
        if var first = failures.first {
            first.moreFailures = Array(failures.dropFirst())
            throw first
        }
    }

    /// The port `name` is bound to (the system's choice when 0 was asked), nil if it is not bound.
    public func boundPort(of name: String) -> Int? {
        listeners[name]?.boundPort
    }

    /// Every listener's counters, by name.
    public func stats() -> [ProxyListenerStats] {
        listeners.values.map(\.stats).sorted { $0.name < $1.name }
    }

    /// The counters of listener `name`, nil if there is none.
    public func stats(for name: String) -> ProxyListenerStats? {
        listeners[name]?.stats
    }

    /// Closes every listener and every open connection; later updates throw `shutdown`.
    public func shutdown() async {
        await beginUpdate()
        defer { endUpdate() }
        isShutdown = true
        let running = listeners.values
        listeners = [:]
        for listener in running {
            await close(listener)
        }
        await registry.closeAll()
    }

    /// Waits until no other update runs, so updates apply one at a time across suspension points.
    private func beginUpdate() async {
        if isUpdating {
            await withCheckedContinuation { waitingUpdates.append($0) }
        } else {
            isUpdating = true
        }
    }

    /// Hands the turn to the next waiting update, if any.
    private func endUpdate() {
        if waitingUpdates.isEmpty {
            isUpdating = false
        } else {
            waitingUpdates.removeFirst().resume()
        }
    }
}
