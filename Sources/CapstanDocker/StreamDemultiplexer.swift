/// Splits Docker's multiplexed stdout/stderr stream (a non-TTY attach or exec): frames of an 8-byte
/// header (stream byte, three zero bytes, big-endian 32-bit length) followed by that many bytes.
struct StreamDemultiplexer {
    /// Where a frame's bytes came from.
    enum Stream: UInt8 {
        case stdin = 0
        case stdout = 1
        case stderr = 2
    }

    /// The frames in order.
    private(set) var frames: [(stream: Stream, bytes: ArraySlice<UInt8>)] = []
    /// True when the input ended inside a frame or had an unknown stream byte.
    private(set) var isMalformed = false

    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            guard bytes.count - index >= 8, let stream = Stream(rawValue: bytes[index]) else {
                isMalformed = true
                return
            }
            let length = bytes[index + 4..<index + 8].reduce(0) { $0 << 8 | Int($1) }
            let start = index + 8
            guard bytes.count - start >= length else {
                isMalformed = true
                return
            }
            frames.append((stream, bytes[start..<start + length]))
            index = start + length
        }
    }

    /// The bytes of all frames of `streams`, in order.
    func bytes(of streams: Set<Stream>) -> [UInt8] {
        frames.filter { streams.contains($0.stream) }.flatMap(\.bytes)
    }
}
