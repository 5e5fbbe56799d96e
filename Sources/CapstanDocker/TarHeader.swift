import Foundation

/// One 512-byte ustar header block.
struct TarHeader {
    /// The entry type flag.
    enum EntryType: UInt8 {
        case file = 0x30  // "0"
        case directory = 0x35  // "5"
    }

    let bytes: [UInt8]

    init(name: String, mode: Int, size: Int, type: EntryType, modified: Date) throws(DockerError) {
        func invalid(_ reason: String) -> DockerError {
            DockerError.invalidRequest("add \(name) to a tar archive", reason)
        }
        var path = name.hasPrefix("/") ? String(name.drop { $0 == "/" }) : name
        if type == .directory && !path.hasSuffix("/") { path += "/" }
        let parts = path.split(separator: "/")
        guard !parts.isEmpty, !parts.contains("..") else { throw invalid("the name must be relative, without '..'") }
        guard (0...0o7777).contains(mode) else { throw invalid("the mode must be between 0 and 0o7777") }
        guard size < 0o77777777777 else { throw invalid("the file is larger than 8 GiB") }
        let (prefix, shortName) = try Self.split(Array(path.utf8), or: invalid)
        var block = [UInt8](repeating: 0, count: 512)
        Self.put(shortName, at: 0, width: 100, in: &block)
        Self.put(Self.octal(mode, width: 8), at: 100, width: 8, in: &block)
        Self.put(Self.octal(0, width: 8), at: 108, width: 8, in: &block)  // uid
        Self.put(Self.octal(0, width: 8), at: 116, width: 8, in: &block)  // gid
        Self.put(Self.octal(size, width: 12), at: 124, width: 12, in: &block)
        Self.put(Self.octal(max(0, Int(modified.timeIntervalSince1970)), width: 12), at: 136, width: 12, in: &block)
        Self.put(Array(repeating: UInt8(ascii: " "), count: 8), at: 148, width: 8, in: &block)  // checksum blank
        block[156] = type.rawValue
        Self.put(Array("ustar\u{0}00".utf8), at: 257, width: 8, in: &block)
        Self.put(prefix, at: 345, width: 155, in: &block)
        let checksum = block.reduce(0) { $0 + Int($1) }
        Self.put(Self.octal(checksum, width: 7) + [0x20], at: 148, width: 8, in: &block)
        bytes = block
    }

    /// Splits a path longer than 100 bytes into ustar's prefix (≤ 155) and name (≤ 100) at a `/`.
    private static func split(
        _ path: [UInt8], or invalid: (String) -> DockerError
    ) throws(DockerError) -> (prefix: [UInt8], name: [UInt8]) {
        if path.count <= 100 { return ([], path) }
        let slashes = path.indices.filter { path[$0] == UInt8(ascii: "/") && $0 < path.count - 1 }
        guard let cut = slashes.last(where: { $0 <= 155 && path.count - $0 - 1 <= 100 }) else {
            throw invalid("the name is too long for a tar header (255 bytes, 100 after the last directory)")
        }
        return (Array(path[..<cut]), Array(path[(cut + 1)...]))
    }

    /// `value` in octal, zero-padded to `width - 1` digits and NUL-terminated.
    private static func octal(_ value: Int, width: Int) -> [UInt8] {
        let digits = String(value, radix: 8)
        return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
    }

    private static func put(_ field: [UInt8], at offset: Int, width: Int, in block: inout [UInt8]) {
        for (index, byte) in field.prefix(width).enumerated() { block[offset + index] = byte }
    }
}
