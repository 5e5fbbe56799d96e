import CapstanModel

/// The object key a scalar mapping key becomes, as `sigs.k8s.io/yaml` converts YAML to JSON:
/// strings as written, ints in decimal, bools as `true`/`false`, floats with Go's
/// `FormatFloat(f, 'g', -1, 32)` (`.inf`, `-.inf`, `.nan` for the specials); null has no key form.
enum MappingKeyText {
    static func text(for value: Value) -> String? {
        switch value {
        case .string(let string): return string
        case .int(let int): return String(int)
        case .bool(let bool): return bool ? "true" : "false"
        case .double(let double): return GoFloatFormat.shortestG32(double)
        case .null, .array, .object: return nil
        }
    }
}
