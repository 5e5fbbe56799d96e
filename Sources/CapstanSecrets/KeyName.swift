/// The rules for key names: they appear in every envelope, between `:` separators, and in file names.
enum KeyName {
    /// At most this many characters.
    static let maximumLength = 63

    /// 1 to 63 ASCII letters, digits, `.`, `_` or `-`, starting with a letter or digit.
    static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// Why `name` is not a valid key name, for error messages.
    static let rule = "a key name is 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit"

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
