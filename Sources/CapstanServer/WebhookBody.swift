import CapstanWebhooks
import Hummingbird

/// Reads a webhook body whole, within a size limit and a deadline. A body that is too large (by its
/// `Content-Length` up front, or as it arrives) or too slow is refused, and the rest of it is never read:
/// the connection closes after the answer.
enum WebhookBody {
    static func read(_ request: Request, limit: Int, timeout: Duration) async throws -> [UInt8] {
        let body = request.body
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            await abandon(body)
            throw WebhookRejection.tooLarge(limit: limit).apiError
        }
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask { try await collect(body, limit: limit) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            // Cancelling the collector (on timeout) stops reading the connection.
            guard let first = try await group.next(), let bytes = first else {
                throw WebhookRejection.timedOut(timeout).apiError
            }
            return bytes
        }
    }

    private static func collect<Body: AsyncSequence<ByteBuffer, any Error>>(_ body: Body, limit: Int) async throws
        -> [UInt8]
    {
        var bytes: [UInt8] = []
        var iterator = body.makeAsyncIterator()
        while let part = try await iterator.next() {
            guard bytes.count + part.readableBytes <= limit else {
                await stopReading(&iterator)
                throw WebhookRejection.tooLarge(limit: limit).apiError
            }
            bytes += part.readableBytesView
        }
        return bytes
    }

    /// Stops reading a body that was never iterated.
    private static func abandon<Body: AsyncSequence<ByteBuffer, any Error> & Sendable>(_ body: Body) async {
        await Task {
            var iterator = body.makeAsyncIterator()
            await stopReading(&iterator)
        }.value
    }

    /// Asks for the next part from a cancelled task, which ends the request stream: the server reads no more
    /// of the body (instead of draining it) and closes the connection after the answer.
    private static func stopReading<Iterator: AsyncIteratorProtocol>(_ iterator: inout Iterator) async {
        withUnsafeCurrentTask { $0?.cancel() }
        _ = try? await iterator.next()
    }
}
