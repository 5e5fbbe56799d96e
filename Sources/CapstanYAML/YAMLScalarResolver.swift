import CapstanModel
import Foundation

/// Resolves YAML scalars to `Value`s with the YAML 1.1 rules of go-yaml v2, the reader behind
/// `sigs.k8s.io/yaml` and so behind `kubectl` and the API server.
///
/// Plain (unquoted) scalars:
/// - null: empty, `~`, `null`, `Null`, `NULL`
/// - true: `y Y yes Yes YES true True TRUE on On ON`; false: `n N no No NO false False FALSE off Off OFF`
///   (go-yaml v2's table, single letters included; other case mixes such as `tRUE` are strings)
/// - int: Go `ParseInt(s, 0, 64)` after removing every `_`: decimal, `0x1F`, `0o17`, `017` (octal),
///   `0b101`, with a sign; values beyond Int64 but within UInt64 become doubles
/// - float: `1.5`, `1e3`, `1.`, `.5`, `08` (not octal, so a float as in v2), `.inf`, `-.Inf`, `+.INF`, `.nan`;
///   out-of-range (`1e400`) stays a string as in v2
/// - everything else, timestamps included, is a string.
/// Quoted and block scalars are always strings. Explicit tags (`!!str`, `!!int`, `!!float`, `!!bool`,
/// `!!null`, `!!timestamp`, `!!binary`) are honoured; any other tag (`!`, `!custom`) gives a string.
public enum YAMLScalarResolver {
    static let tagPrefix = "tag:yaml.org,2002:"

    /// The value of an unquoted scalar.
    public static func resolvePlain(_ text: String) -> Value {
        var text = text
        return text.withUTF8 { resolvePlain($0) }
    }

    /// The value of a scalar written with an explicit tag (`!!int` or `tag:yaml.org,2002:int`),
    /// or nil when the text is not of that type.
    public static func resolve(_ text: String, tag: String) -> Value? {
        let longTag = tag.hasPrefix("!!") ? tagPrefix + tag.dropFirst(2) : tag
        var text = text
        return text.withUTF8 { resolve($0, tag: longTag) }
    }

    /// The value of an unquoted scalar given as UTF-8 bytes.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Value {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            if bytes.count <= 5, let word = keyword(bytes) { return word }
            return .string(makeString(bytes))
        case UInt8(ascii: "."):
            if bytes.count <= 5, let word = keyword(bytes) { return word }
            if let number = GoNumberParser.dotFloat(bytes) { return .double(number) }
            return .string(makeString(bytes))
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            if bytes.count == 5, bytes[1] == UInt8(ascii: "."), let word = keyword(bytes) { return word }
            if let number = GoNumberParser.number(bytes) { return number }
            return .string(makeString(bytes))
        default:
            return .string(makeString(bytes))
        }
    }

    /// The value of a scalar with an explicit long-form tag, or nil when the text does not fit it.
    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>, tag: String) -> Value? {
        guard tag.hasPrefix(tagPrefix) else { return .string(makeString(bytes)) }
        switch tag.dropFirst(tagPrefix.count) {
        case "str", "timestamp":
            return .string(makeString(bytes))
        case "binary":
            let text = makeString(bytes)
            guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else { return nil }
            return .string(String(decoding: data, as: UTF8.self))
        case "null":
            let value = resolvePlain(bytes)
            guard value.isNull else { return nil }
            return value
        case "bool":
            let value = resolvePlain(bytes)
            guard value.boolValue != nil else { return nil }
            return value
        case "int":
            let value = resolvePlain(bytes)
            if case .int = value { return value }
            return nil
        case "float":
            switch resolvePlain(bytes) {
            case .int(let int): return .double(Double(int))
            case .double(let double): return .double(double)
            default: return nil
            }
        default:
            return .string(makeString(bytes))
        }
    }

    static func makeString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The words of go-yaml v2's resolve table.
    private static func keyword(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        switch makeString(bytes) {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        case "~", "null", "Null", "NULL": return .null
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        default: return nil
        }
    }
}
