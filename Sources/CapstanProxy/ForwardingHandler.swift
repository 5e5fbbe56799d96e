import NIOCore

/// Moves bytes from its channel to its partner's, one of a pair joining a client to a backend.
///
/// Backpressure: a read is passed on only while the partner can take writes; a pending one resumes when
/// the partner becomes writable. End of input on one side closes the partner's output once the bytes
/// before it are written (half-close); the close of one side closes the other, after the same flush.
/// Both channels of a pair share one event loop, so the handlers call each other directly.
final class ForwardingHandler {
    private var partner: ForwardingHandler?
    private var context: ChannelHandlerContext?
    private var pendingRead = false

    private init() {}

    /// Two handlers joined to each other: one for the client's channel, one for the backend's.
    static func pair() -> (ForwardingHandler, ForwardingHandler) {
        let first = ForwardingHandler()
        let second = ForwardingHandler()
        first.partner = second
        second.partner = first
        return (first, second)
    }

    private var canTakeWrites: Bool {
        context?.channel.isWritable ?? false
    }

    private func write(_ buffer: ByteBuffer) {
        context?.write(NIOAny(buffer), promise: nil)
    }

    private func flush() {
        context?.flush()
    }

    private func partnerBecameWritable() {
        if pendingRead {
            pendingRead = false
            context?.read()
        }
    }

    /// Closes this side (`mode` `.output` for a half-close) once everything written so far is flushed.
    private func closeAfterFlush(mode: CloseMode) {
        guard let context else { return }
        let done = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(NIOAny(context.channel.allocator.buffer(capacity: 0)), promise: done)
        done.futureResult.assumeIsolated().whenComplete { _ in
            context.close(mode: mode, promise: nil)
        }
    }
}

extension ForwardingHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        partner = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        partner?.write(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        partner?.flush()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            partner?.partnerBecameWritable()
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            partner?.closeAfterFlush(mode: .output)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner?.closeAfterFlush(mode: .all)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func read(context: ChannelHandlerContext) {
        if partner?.canTakeWrites ?? false {
            context.read()
        } else {
            pendingRead = true
        }
    }
}
