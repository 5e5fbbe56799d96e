/// `kubectl describe`'s layout: lines at indent levels (two spaces each) whose tab-separated cells line up
/// the way Go's tabwriter aligns them (minimum width 0, padding 2): a column spans the consecutive lines that
/// have a tab-terminated cell in it, so nested blocks align on their own.
struct DescribeWriter {
    private var pending: [[String]] = []
    private var done: [String] = []

    /// One line; `text` may contain tabs between cells and no newline.
    mutating func write(_ level: Int, _ text: String) {
        let indent = String(repeating: "  ", count: level)
        pending.append((indent + text).split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
    }

    /// One line printed as is: tabs in it do not make cells (data values, YAML).
    mutating func raw(_ level: Int, _ text: String) {
        pending.append([String(repeating: "  ", count: level) + text])
    }

    /// `Title:\tfirst` then `\tnext` lines: kubectl's multi-line labels, annotations and taints.
    mutating func multiline(_ level: Int, _ title: String, _ entries: [String], none: String = "<none>") {
        guard let first = entries.first else {
            write(level, "\(title):\t\(none)")
            return
        }
        write(level, "\(title):\t\(first)")
        for entry in entries.dropFirst() { write(level, "\t\(entry)") }
    }

    /// Ends the current alignment blocks: later lines align on their own (kubectl flushes before Events).
    mutating func flush() {
        var widths: [Int] = []
        Self.format(pending, 0, pending.count, &widths, into: &done)
        pending.removeAll()
    }

    /// Everything written, newline-terminated.
    mutating func text() -> String {
        flush()
        return done.isEmpty ? "" : done.joined(separator: "\n") + "\n"
    }

    /// Go tabwriter's `format`: find the blocks of lines that have a cell in column `widths.count`, size the
    /// column to its widest cell plus padding, and recurse into the next column within each block.
    private static func format(
        _ lines: [[String]], _ start: Int, _ end: Int, _ widths: inout [Int], into out: inout [String]
    ) {
        let column = widths.count
        var blockStart = start
        var index = start
        while index < end {
            guard column < lines[index].count - 1 else {
                index += 1
                continue
            }
            emit(lines, blockStart, index, widths, into: &out)
            blockStart = index
            var width = 0
            while index < end, column < lines[index].count - 1 {
                width = max(width, lines[index][column].count + 2)
                index += 1
            }
            widths.append(width)
            format(lines, blockStart, index, &widths, into: &out)
            widths.removeLast()
            blockStart = index
        }
        emit(lines, blockStart, end, widths, into: &out)
    }

    private static func emit(_ lines: [[String]], _ start: Int, _ end: Int, _ widths: [Int], into out: inout [String]) {
        guard start < end else { return }
        for line in lines[start..<end] {
            var text = ""
            for (index, cell) in line.enumerated() {
                text += cell
                if index < widths.count, index < line.count - 1 {
                    text += String(repeating: " ", count: max(widths[index] - cell.count, 0))
                }
            }
            out.append(text)
        }
    }
}
