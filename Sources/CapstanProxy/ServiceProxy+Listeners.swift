import Logging
import NIOCore
import NIOPosix

extension ServiceProxy {
    /// Replaces the backends of a bound listener, or binds it; returns the bind error, if any.
    func apply(_ spec: ProxyListener) async -> ProxyError? {
        if var running = listeners[spec.name], running.channel != nil {
            running.state.replaceBackends(spec.backends)
            running.spec = spec
            listeners[spec.name] = running
            return nil
        }
        let state = listeners[spec.name]?.state ?? ListenerState(backends: spec.backends)
        state.replaceBackends(spec.backends)
        var running = RunningListener(spec: spec, state: state)
        do {
            let channel = try await bind(spec, state: state)
            running.channel = channel
            running.boundPort = channel.localAddress?.port
            listeners[spec.name] = running
            logger.info(
                "listening",
                metadata: ["proxy.listener": "\(spec.name)", "proxy.address": "\(spec.host):\(running.boundPort ?? 0)"])
            return nil
        } catch {
            let failure = ProxyError.bindFailed(spec, error)
            running.bindError = failure
            listeners[spec.name] = running
            logger.error("\(failure)")
            return failure
        }
    }

    /// Opens the listening socket of `spec`; accepted connections start with a `BackendConnector`.
    private func bind(_ spec: ProxyListener, state: ListenerState) async throws -> any Channel {
        let registry = registry
        let timeout = connectTimeout
        let logger = logger
        let name = spec.name
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.autoRead, value: false)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        BackendConnector(
                            listenerName: name, state: state, registry: registry, connectTimeout: timeout,
                            logger: logger))
                }
            }
            .bind(host: spec.host, port: spec.port)
            .get()
    }

    /// Stops accepting on `listener`; connections it accepted go on until either side closes.
    func close(_ listener: RunningListener) async {
        guard let channel = listener.channel else { return }
        try? await channel.close()
        logger.info("stopped listening", metadata: ["proxy.listener": "\(listener.spec.name)"])
    }
}
