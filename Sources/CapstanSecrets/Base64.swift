import Foundation

/// Standard base64 without line breaks, decoded strictly: only the one canonical text of some bytes is accepted,
/// so no two texts decode to the same bytes and every altered character is noticed.
enum Base64 {
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The bytes of a canonical base64 text, or nil (padding bits set, missing `=`, whitespace, other characters).
    static func decode(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return [UInt8](data)
    }
}
