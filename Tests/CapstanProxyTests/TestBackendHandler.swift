import NIOCore

/// The per-connection behaviour of a `TestBackend`.
final class TestBackendHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let name: String
    private let behaviour: TestBackend.Behaviour
    private var pending = ByteBuffer()
    private var received = 0
    private var readWaiting = false

    init(name: String, behaviour: TestBackend.Behaviour) {
        self.name = name
        self.behaviour = behaviour
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        received += chunk.readableBytes
        switch behaviour {
        case .lines:
            pending.writeBuffer(&chunk)
            while let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                pending.moveReaderIndex(to: newline + 1)
                context.write(wrapOutboundOut(ByteBuffer(string: "\(name)\n")), promise: nil)
            }
        case .echo:
            context.write(wrapOutboundOut(chunk), promise: nil)
        case .replyAfterEOF, .gated:
            break
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard case ChannelEvent.inputClosed = event else { return }
        switch behaviour {
        case .lines:
            context.write(wrapOutboundOut(ByteBuffer(string: "eof \(name)\n")), promise: nil)
        case .echo:
            break
        case .replyAfterEOF(let bytes):
            context.write(wrapOutboundOut(ByteBuffer(string: "\(name) received \(received)\n")), promise: nil)
            context.write(wrapOutboundOut(TestData.pattern(count: bytes)), promise: nil)
        case .gated:
            context.write(wrapOutboundOut(ByteBuffer(string: "\(name) received \(received)\n")), promise: nil)
        }
        let flushed = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer()), promise: flushed)
        flushed.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// Echo reads only while its writes can go out, so a slow reader slows the writer.
    func read(context: ChannelHandlerContext) {
        if case .echo = behaviour, !context.channel.isWritable {
            readWaiting = true
        } else {
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, readWaiting {
            readWaiting = false
            context.read()
        }
        context.fireChannelWritabilityChanged()
    }
}
