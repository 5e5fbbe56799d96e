import Logging
import NIOCore
import NIOPosix

/// First handler of an accepted connection: picks backends round robin, connects to the first that
/// answers, then joins the two channels with a `ForwardingHandler` pair and removes itself.
///
/// The accepted channel does not ask for reads until joined. NIO still reads what arrived before a client's
/// half-close (to see the end of input); those bytes and the end of input are kept and replayed to the
/// backend on joining. A connection with no reachable backend (or none configured) is closed at once.
final class BackendConnector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let listenerName: String
    private let state: ListenerState
    private let registry: ConnectionRegistry
    private let connectTimeout: TimeAmount
    private let logger: Logger
    /// Bytes the client sent before the backend was connected.
    private var early: [ByteBuffer] = []
    /// True when the client half-closed before the backend was connected.
    private var inputClosedEarly = false

    init(
        listenerName: String, state: ListenerState, registry: ConnectionRegistry, connectTimeout: TimeAmount,
        logger: Logger
    ) {
        self.listenerName = listenerName
        self.state = state
        self.registry = registry
        self.connectTimeout = connectTimeout
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        context.fireChannelActive()
        let route = state.acceptAndRoute()
        guard registry.track(context.channel) else {
            state.recordFailed()
            return
        }
        if route.isEmpty {
            logger.debug("no backends, closing", metadata: ["proxy.listener": "\(listenerName)"])
            state.recordFailed()
            context.close(promise: nil)
            return
        }
        connect(context: context, route: route[...])
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        early.append(unwrapInboundIn(data))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            inputClosedEarly = true
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// Tries `route`'s first backend, then the rest in order; closes the client when none answers.
    private func connect(context: ChannelHandlerContext, route: ArraySlice<ProxyBackend>) {
        guard context.channel.isActive else {
            state.recordFailed()
            return
        }
        guard let backend = route.first else {
            logger.notice("no backend reachable, closing", metadata: ["proxy.listener": "\(listenerName)"])
            state.recordFailed()
            context.close(promise: nil)
            return
        }
        ClientBootstrap(group: context.eventLoop)
            .connectTimeout(connectTimeout)
            .channelOption(.autoRead, value: false)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: backend.host, port: backend.port)
            .assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success(let channel) where Self.isSelfConnected(channel):
                    // Nothing listens on the backend's port and the kernel chose that same port as the source:
                    // a TCP simultaneous open to itself (possible for ports in the ephemeral range). Refused.
                    channel.close(promise: nil)
                    self.logger.debug(
                        "backend connect reached itself (nothing listens)",
                        metadata: ["proxy.listener": "\(self.listenerName)", "proxy.backend": "\(backend)"])
                    self.state.recordConnectFailure(backend)
                    self.connect(context: context, route: route.dropFirst())
                case .success(let channel):
                    self.join(context: context, backendChannel: channel, backend: backend)
                case .failure(let error):
                    self.logger.debug(
                        "backend connect failed",
                        metadata: [
                            "proxy.listener": "\(self.listenerName)", "proxy.backend": "\(backend)",
                            "error": "\(error)",
                        ])
                    self.state.recordConnectFailure(backend)
                    self.connect(context: context, route: route.dropFirst())
                }
            }
    }

    /// True when a connection's two ends are the same address and port (as Go's net package checks after a dial).
    private static func isSelfConnected(_ channel: any Channel) -> Bool {
        guard let local = channel.localAddress, let remote = channel.remoteAddress else { return false }
        return local == remote
    }

    /// Joins the client to the connected backend and starts reading on both sides.
    private func join(context: ChannelHandlerContext, backendChannel: any Channel, backend: ProxyBackend) {
        guard context.channel.isActive, registry.track(backendChannel) else {
            backendChannel.close(promise: nil)
            context.close(promise: nil)
            state.recordFailed()
            return
        }
        state.recordForwarded(backend)
        let state = self.state
        backendChannel.closeFuture.whenComplete { _ in state.recordClosed(backend) }
        let (clientSide, backendSide) = ForwardingHandler.pair()
        do {
            try backendChannel.pipeline.syncOperations.addHandler(backendSide)
            try context.pipeline.syncOperations.addHandler(clientSide)
            replayEarlyInput(context: context)
            try backendChannel.syncOptions?.setOption(.autoRead, value: true)
            try context.channel.syncOptions?.setOption(.autoRead, value: true)
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        } catch {
            logger.warning("joining connections failed", metadata: ["error": "\(error)"])
            backendChannel.close(promise: nil)
            context.close(promise: nil)
        }
    }

    /// Passes what the client sent before joining, and its half-close, on to the client's forwarding handler.
    private func replayEarlyInput(context: ChannelHandlerContext) {
        if !early.isEmpty {
            for buffer in early {
                context.fireChannelRead(wrapInboundOut(buffer))
            }
            early = []
            context.fireChannelReadComplete()
        }
        if inputClosedEarly {
            context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        }
    }
}
