extension YAMLNode {
    /// One key and value of a mapping, with the key's position.
    public struct Entry: Sendable, Hashable {
        /// The key in its JSON string form (`1` → `"1"`, `yes` → `"true"`).
        public var key: String
        public var keyLine: Int
        public var keyColumn: Int
        public var value: YAMLNode

        public init(key: String, keyLine: Int, keyColumn: Int, value: YAMLNode) {
            self.key = key
            self.keyLine = keyLine
            self.keyColumn = keyColumn
            self.value = value
        }
    }
}
