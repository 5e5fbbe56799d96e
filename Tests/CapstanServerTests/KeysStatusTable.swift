import Foundation

/// The key table of `capstan keys status`, read by its header: cells by key name and column (`RECORDS`), cut at the
/// header's offsets because an empty cell (a key that is not primary) leaves no word to split on. The table ends at
/// the first line whose last cell (ENCRYPTIONS) is not a number.
struct KeysStatusTable {
    var rows: [String: [String: String]] = [:]

    init(_ stdout: String) {
        let lines = stdout.split(separator: "\n").map { Array($0) }
        guard let headerIndex = lines.firstIndex(where: { String($0).hasPrefix("KEY ") }) else { return }
        let header = lines[headerIndex]
        var columns: [(name: String, offset: Int)] = []
        for offset in header.indices where header[offset] != " " && (offset == 0 || header[offset - 1] == " ") {
            let end = header[offset...].firstIndex(of: " ") ?? header.count
            columns.append((String(header[offset..<end]), offset))
        }
        for line in lines[(headerIndex + 1)...] {
            var cells: [String: String] = [:]
            for (index, column) in columns.enumerated() {
                let end = min(index + 1 < columns.count ? columns[index + 1].offset : line.count, line.count)
                let cell = column.offset < end ? String(line[column.offset..<end]) : ""
                cells[column.name] = cell.trimmingCharacters(in: .whitespaces)
            }
            guard let last = columns.last, let count = cells[last.name], !count.isEmpty,
                count.allSatisfy(\.isNumber), let key = cells["KEY"]
            else { break }
            rows[key] = cells
        }
    }

    /// One numeric cell (`RECORDS`, `ENCRYPTIONS`), nil when absent.
    func number(_ key: String, _ column: String) -> UInt64? { rows[key]?[column].flatMap { UInt64($0) } }
}
