/// A 1-based position in the text.
struct YAMLMark {
    var line: Int
    var column: Int
}
