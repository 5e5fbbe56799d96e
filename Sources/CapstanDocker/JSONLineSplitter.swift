/// Cuts a byte stream of newline-separated JSON documents (`/events`, pull progress) into lines,
/// whatever the chunk boundaries.
struct JSONLineSplitter {
    private var pending: [UInt8] = []

    /// Adds a chunk and returns the complete, non-blank lines it finished.
    mutating func append(_ chunk: [UInt8]) -> [[UInt8]] {
        pending.append(contentsOf: chunk)
        var lines: [[UInt8]] = []
        var start = 0
        while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = pending[start..<newline]
            if line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) {
                lines.append(Array(line))
            }
            start = newline + 1
        }
        pending.removeFirst(start)
        return lines
    }

    /// The last line when the stream ended without a newline.
    mutating func finish() -> [UInt8]? {
        defer { pending.removeAll() }
        return pending.contains(where: { $0 > 0x20 }) ? pending : nil
    }
}
