import CapstanModel

/// One document of a YAML stream: its value and the line where its root node starts.
///
/// Positions of nested nodes are not kept (the fast path does not pay for them); `positioned()` and
/// `line(of:)` re-read the document with positions when an error needs a line.
public struct YAMLDocument: Sendable {
    /// The document's content; `.null` for an empty or comment-only document.
    public var value: Value
    /// 1-based line of the root node (after any `---` and leading comments).
    public var line: Int
    /// 0-based position of the document in its stream, empty documents included.
    public var index: Int
    let source: YAMLSource

    init(value: Value, line: Int, index: Int, source: YAMLSource) {
        self.value = value
        self.line = line
        self.index = index
        self.source = source
    }

    /// The file name given to the parser, if any.
    public var file: String? { source.file }

    /// The document again, with the position of every node (re-parses the text: for error paths).
    public func positioned() throws(YAMLError) -> YAMLNode {
        let nodes = try YAMLParser.parse(source, sink: NodeTreeSink(), onlyDocument: index)
        guard let node = nodes.first?.node else {
            throw YAMLError(file: source.file, line: line, message: "the document is no longer in the text")
        }
        return node
    }

    /// The line of the key or item at `path` (e.g. `["metadata", "name"]`), or nil when it is missing.
    public func line(of path: [PathComponent]) -> Int? {
        guard let node = try? positioned() else { return nil }
        return node.line(of: path)
    }
}
