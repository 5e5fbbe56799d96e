/// A mapping key in its JSON string form and where it was written.
struct MappingKey {
    var text: String
    var mark: YAMLMark
}
