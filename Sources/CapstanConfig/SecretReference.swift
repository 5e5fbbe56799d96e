/// A secret given inline (`secret: "…"`) or as a file to read at start (`secretFile: PATH`, absolute).
/// Its description never shows the value.
public enum SecretReference: Sendable, Hashable, CustomStringConvertible {
    case inline(String)
    case file(String)

    public var description: String {
        switch self {
        case .inline: return "<inline secret>"
        case .file(let path): return "secretFile \(path)"
        }
    }
}
