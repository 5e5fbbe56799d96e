import CapstanModel

extension Value {
    /// Longest rendering kept in a `FieldDifference`; longer values end in `…`.
    static let diffRenderingLimit = 200

    /// Compact JSON (`"nginx:1.25"`, `3`, `{"cpu":"1"}`), cut at `diffRenderingLimit` characters.
    var diffRendering: String {
        let text = jsonString()
        guard text.count > Self.diffRenderingLimit else { return text }
        return String(text.prefix(Self.diffRenderingLimit)) + "…"
    }
}
