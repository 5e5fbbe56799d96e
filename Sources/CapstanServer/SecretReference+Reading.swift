import CapstanConfig
import Foundation

extension SecretReference {
    /// The secret's bytes: inline, or the file's contents without one trailing newline. The error names the
    /// file and what uses it, never the value.
    func read(for use: String) throws -> [UInt8] {
        switch self {
        case .inline(let text): return Array(text.utf8)
        case .file(let path):
            guard var data = FileManager.default.contents(atPath: path) else {
                throw ServiceError("\(use): cannot read secretFile \(path)")
            }
            if data.last == UInt8(ascii: "\n") { data.removeLast() }
            if data.last == UInt8(ascii: "\r") { data.removeLast() }
            guard !data.isEmpty else { throw ServiceError("\(use): secretFile \(path) is empty") }
            return Array(data)
        }
    }
}
