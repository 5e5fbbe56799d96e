import CapstanModel

/// Builds one document's tree from libyaml events without recursion: resolves scalars, expands
/// aliases and `<<` merges, rejects duplicate and non-scalar keys, and enforces `YAMLLimits`.
struct TreeBuilder<Sink: TreeSink> {
    private struct Frame {
        var isMapping: Bool
        var mark: YAMLMark
        var anchor: String?
        var firstNode: Int
        var key: MappingKey?
        var keyIsMerge = false
        var merges: [(node: Sink.Node, mark: YAMLMark)] = []
    }

    private let sink: Sink
    private let limits: YAMLLimits
    private let file: String?
    private var frames: [Frame] = []
    private var sequences: [[Sink.Node]] = []
    private var mappings: [Sink.Mapping] = []
    private var anchors: [String: (node: Sink.Node, size: Int)] = [:]
    /// Nodes built so far, aliased subtrees counted in full each time they are used.
    private var nodeCount = 0
    private var aliasedNodes = 0

    init(sink: Sink, limits: YAMLLimits, file: String?) {
        self.sink = sink
        self.limits = limits
        self.file = file
    }

    /// Reads the root node of the document whose start event was just read, and its end event.
    mutating func buildDocument(from stream: LibYAMLEventStream) throws(YAMLError) -> (Sink.Node, YAMLMark) {
        frames.removeAll(keepingCapacity: true)
        anchors.removeAll()
        nodeCount = 0
        aliasedNodes = 0
        var root: Sink.Node?
        var rootMark = YAMLMark(line: 1, column: 1)
        while root == nil {
            let kind = try stream.next()
            if frames.isEmpty { rootMark = stream.mark }
            root = try handle(kind, stream: stream)
        }
        guard try stream.next() == .documentEnd else { throw error(stream.mark, "expected the end of the document") }
        return (root!, rootMark)
    }

    /// Handles one event; returns the root once it is complete.
    private mutating func handle(_ kind: YAMLEventKind, stream: LibYAMLEventStream) throws(YAMLError) -> Sink.Node? {
        switch kind {
        case .scalar:
            let mark = stream.mark
            let value = try resolveScalar(stream, mark: mark)
            if expectsKey {
                try setKey(value, mark: mark, isMerge: isMergeKey(stream))
                return nil
            }
            nodeCount += 1
            let node = sink.scalar(value, bytes: stream.scalarBytes, mark: mark)
            if let anchor = stream.anchor { anchors[anchor] = (node, 1) }
            return try add(node, mark: mark)
        case .alias:
            let mark = stream.mark
            let name = stream.anchor ?? ""
            guard let target = anchors[name] else { throw error(mark, "alias *\(name) refers to no anchor") }
            if expectsKey {
                guard let value = sink.scalarValue(of: target.node) else { throw complexKey(mark) }
                try setKey(value, mark: mark, isMerge: false)
                return nil
            }
            aliasedNodes += target.size
            nodeCount += target.size
            guard aliasedNodes <= limits.maximumAliasedNodes else {
                throw error(mark, "aliases expand to more than \(limits.maximumAliasedNodes) nodes in one document")
            }
            return try add(target.node, mark: mark)
        case .sequenceStart, .mappingStart:
            let mark = stream.mark
            if expectsKey { throw complexKey(mark) }
            guard frames.count < limits.maximumDepth else {
                throw error(mark, "collections are nested deeper than \(limits.maximumDepth) levels")
            }
            let isMapping = kind == .mappingStart
            frames.append(Frame(isMapping: isMapping, mark: mark, anchor: stream.anchor, firstNode: nodeCount))
            nodeCount += 1
            if isMapping { mappings.append(sink.emptyMapping()) } else { sequences.append([]) }
            return nil
        case .sequenceEnd:
            let frame = frames.removeLast()
            let node = sink.sequence(sequences.removeLast(), mark: frame.mark)
            if let anchor = frame.anchor { anchors[anchor] = (node, nodeCount - frame.firstNode) }
            return try add(node, mark: frame.mark)
        case .mappingEnd:
            let frame = frames.removeLast()
            var mapping = mappings.removeLast()
            for merge in frame.merges { try self.merge(merge.node, at: merge.mark, into: &mapping) }
            let node = sink.mapping(mapping, mark: frame.mark)
            if let anchor = frame.anchor { anchors[anchor] = (node, nodeCount - frame.firstNode) }
            return try add(node, mark: frame.mark)
        case .streamStart, .streamEnd, .documentStart, .documentEnd:
            throw error(stream.mark, "unexpected end of a node")
        }
    }

    /// True when the innermost collection is a mapping waiting for a key.
    private var expectsKey: Bool {
        guard let frame = frames.last else { return false }
        return frame.isMapping && frame.key == nil
    }

    private mutating func setKey(_ value: Value, mark: YAMLMark, isMerge: Bool) throws(YAMLError) {
        guard let text = MappingKeyText.text(for: value) else {
            throw error(mark, "a null mapping key is not supported")
        }
        frames[frames.count - 1].key = MappingKey(text: text, mark: mark)
        frames[frames.count - 1].keyIsMerge = isMerge
    }

    /// Places a finished node into its parent; returns it when it is the root.
    private mutating func add(_ node: Sink.Node, mark: YAMLMark) throws(YAMLError) -> Sink.Node? {
        guard let frame = frames.last else { return node }
        guard frame.isMapping else {
            sequences[sequences.count - 1].append(node)
            return nil
        }
        let top = frames.count - 1
        let key = frame.key!
        frames[top].key = nil
        if frame.keyIsMerge {
            frames[top].merges.append((node, mark))
        } else if !sink.insert(node, for: key, into: &mappings[mappings.count - 1]) {
            throw error(key.mark, "duplicate mapping key \"\(key.text)\"")
        }
        return nil
    }

    /// Applies a `<<` value: a mapping, or a list of mappings where earlier ones win; explicit keys win.
    private func merge(_ node: Sink.Node, at mark: YAMLMark, into mapping: inout Sink.Mapping) throws(YAMLError) {
        let sources =
            sink.mappingEntries(of: node).map { [$0] } ?? sink.sequenceItems(of: node)?.map(sink.mappingEntries)
        guard let sources, sources.allSatisfy({ $0 != nil }) else {
            throw error(mark, "the merge key << needs a mapping or a list of mappings")
        }
        for entries in sources {
            for (key, value) in entries! { sink.insertIfAbsent(value, for: key, into: &mapping) }
        }
    }

    private func resolveScalar(_ stream: LibYAMLEventStream, mark: YAMLMark) throws(YAMLError) -> Value {
        switch stream.scalarTagging {
        case .plain: return YAMLScalarResolver.resolvePlain(stream.scalarBytes)
        case .quoted: return .string(YAMLScalarResolver.makeString(stream.scalarBytes))
        case .tagged(let tag):
            if tag == YAMLScalarResolver.tagPrefix + "merge" { return .string("<<") }
            guard let value = YAMLScalarResolver.resolve(stream.scalarBytes, tag: tag) else {
                throw error(mark, "the scalar cannot be read as \(Self.shortTag(tag))")
            }
            return value
        }
    }

    private func isMergeKey(_ stream: LibYAMLEventStream) -> Bool {
        let bytes = stream.scalarBytes
        guard bytes.count == 2, bytes[0] == UInt8(ascii: "<"), bytes[1] == UInt8(ascii: "<") else { return false }
        switch stream.scalarTagging {
        case .plain: return true
        case .quoted: return false
        case .tagged(let tag): return tag == YAMLScalarResolver.tagPrefix + "merge"
        }
    }

    private static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(YAMLScalarResolver.tagPrefix) ? "!!" + tag.dropFirst(YAMLScalarResolver.tagPrefix.count) : tag
    }

    private func complexKey(_ mark: YAMLMark) -> YAMLError {
        error(mark, "a mapping key must be a scalar, not a list or mapping")
    }

    private func error(_ mark: YAMLMark, _ message: String) -> YAMLError {
        YAMLError(file: file, line: mark.line, column: mark.column, message: message)
    }
}
