import CapstanModel

/// Reads YAML streams (any number of `---` documents) into `Value`s or positioned `YAMLNode`s.
///
/// Scalars resolve as Kubernetes reads them (see `YAMLScalarResolver`); duplicate keys, non-scalar
/// keys, undefined aliases, alias bombs and over-deep nesting are errors with a line.
public enum YAMLParser {
    /// Every document of a stream as plain values, with the line where each starts.
    public static func documents(
        _ bytes: [UInt8], file: String? = nil, limits: YAMLLimits = .default
    ) throws(YAMLError) -> [YAMLDocument] {
        let source = YAMLSource(bytes: bytes, file: file, limits: limits)
        return try parse(source, sink: ValueTreeSink(), onlyDocument: nil).map {
            YAMLDocument(value: $0.node, line: $0.mark.line, index: $0.index, source: source)
        }
    }

    /// Every document of a stream as plain values.
    public static func documents(
        _ text: String, file: String? = nil, limits: YAMLLimits = .default
    ) throws(YAMLError) -> [YAMLDocument] {
        try documents(Array(text.utf8), file: file, limits: limits)
    }

    /// Every document of a stream with the position of each node (for configuration files).
    public static func nodes(
        _ bytes: [UInt8], file: String? = nil, limits: YAMLLimits = .default
    ) throws(YAMLError) -> [YAMLNode] {
        let source = YAMLSource(bytes: bytes, file: file, limits: limits)
        return try parse(source, sink: NodeTreeSink(), onlyDocument: nil).map(\.node)
    }

    /// Every document of a stream with the position of each node.
    public static func nodes(
        _ text: String, file: String? = nil, limits: YAMLLimits = .default
    ) throws(YAMLError) -> [YAMLNode] {
        try nodes(Array(text.utf8), file: file, limits: limits)
    }

    /// Builds the documents of `source` (or only the one at `onlyDocument`, skipping the others' events).
    static func parse<Sink: TreeSink>(
        _ source: YAMLSource, sink: Sink, onlyDocument: Int?
    ) throws(YAMLError) -> [(node: Sink.Node, mark: YAMLMark, index: Int)] {
        let result = source.bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) in
                let stream = LibYAMLEventStream(
                    input: buffer, file: source.file, maximumDepth: source.limits.maximumDepth)
                var builder = TreeBuilder(sink: sink, limits: source.limits, file: source.file)
                var documents: [(node: Sink.Node, mark: YAMLMark, index: Int)] = []
                var index = 0
                while true {
                    switch try stream.next() {
                    case .streamStart: continue
                    case .documentStart:
                        defer { index += 1 }
                        if let onlyDocument, onlyDocument != index {
                            try skipDocument(stream)
                            continue
                        }
                        let (node, mark) = try builder.buildDocument(from: stream)
                        documents.append((node, mark, index))
                        if onlyDocument != nil { return documents }
                    default:
                        return documents
                    }
                }
            }
        }
        return try result.get()
    }

    private static func skipDocument(_ stream: LibYAMLEventStream) throws(YAMLError) {
        while try stream.next() != .documentEnd {}
    }
}
