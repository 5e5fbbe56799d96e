/// Kubernetes' rules for names, label keys and label values (apimachinery `validation`).
public enum KubernetesName {
    /// DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, `-` and `.`,
    /// each dot-separated part starting and ending with a letter or digit. Most object names.
    public static func isDNS1123Subdomain(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy {
            isLabelPart(Array($0), maximumLength: 253)
        }
    }

    /// DNS-1123 label: at most 63 lowercase letters, digits and `-`, starting and ending with a letter
    /// or digit. Namespace names.
    public static func isDNS1123Label(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return isLabelPart(bytes, maximumLength: 63)
    }

    /// DNS-1035 label: a DNS-1123 label that starts with a letter. Service names.
    public static func isDNS1035Label(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLowercaseLetter(first) else { return false }
        return isDNS1123Label(name)
    }

    /// A label or annotation key: an optional DNS-1123 subdomain prefix and `/`, then a name of at most
    /// 63 letters, digits, `-`, `_` and `.` that starts and ends with a letter or digit.
    public static func isQualifiedName(_ key: String) -> Bool {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return isLabelValue(key) && !key.isEmpty
        case 2: return isDNS1123Subdomain(String(parts[0])) && !parts[1].isEmpty && isLabelValue(String(parts[1]))
        default: return false
        }
    }

    /// A label value: empty, or at most 63 letters, digits, `-`, `_` and `.` starting and ending with a
    /// letter or digit.
    public static func isLabelValue(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let first = bytes.first, let last = bytes.last else { return true }
        guard bytes.count <= 63, isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    /// A ConfigMap or Secret data key: letters, digits, `-`, `_` and `.`, at most 253, not `.` or `..`.
    public static func isConfigKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard !bytes.isEmpty, bytes.count <= 253, key != ".", key != ".." else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?` of at most `maximumLength` bytes.
    private static func isLabelPart(_ bytes: [UInt8], maximumLength: Int) -> Bool {
        guard let first = bytes.first, let last = bytes.last, bytes.count <= maximumLength else { return false }
        guard isLowercaseAlphanumeric(first), isLowercaseAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isLowercaseAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func isLowercaseAlphanumeric(_ byte: UInt8) -> Bool {
        isLowercaseLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowercaseAlphanumeric(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
