import NIOCore

/// Deterministic test bytes, and a check that what arrived is exactly what was sent.
enum TestData {
    /// 16 MiB of a xorshift sequence, made once.
    private static let source: ByteBuffer = {
        let count = 16 * 1024 * 1024
        var buffer = ByteBuffer()
        buffer.reserveCapacity(count)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<count / 8 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            buffer.writeInteger(state)
        }
        return buffer
    }()

    /// The first `count` bytes (at most 16 MiB) of the sequence; the same every time.
    static func pattern(count: Int) -> ByteBuffer {
        precondition(count <= source.readableBytes, "at most 16 MiB of test data")
        return source.getSlice(at: 0, length: count)!
    }

    /// Compares received chunks, in order, with the sequence.
    struct Verifier {
        /// Bytes checked so far.
        private(set) var count = 0
        /// Where the first differing chunk started, if any.
        private(set) var firstMismatch: Int?

        mutating func check(_ chunk: ByteBuffer) {
            let length = chunk.readableBytes
            if firstMismatch == nil {
                let expected = count + length <= source.readableBytes ? source.getSlice(at: count, length: length) : nil
                if expected != chunk { firstMismatch = count }
            }
            count += length
        }
    }
}
