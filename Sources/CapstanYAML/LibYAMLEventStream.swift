internal import CYaml

/// The events of one YAML stream, read with libyaml directly (the C library inside Yams).
///
/// Yams' public `Parser` builds a `Node` tree with a class per event and per tag, which costs about six
/// times libyaml's own parse, and its duplicate-key check hashes whole aliased subtrees (a key alias to a
/// "billion laughs" anchor never returns). Reading the events ourselves avoids both.
/// The input buffer must outlive the stream.
final class LibYAMLEventStream {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var hasEvent = false
    private let input: UnsafeBufferPointer<UInt8>
    private let file: String?
    private let maximumDepth: Int

    init(input: UnsafeBufferPointer<UInt8>, file: String?, maximumDepth: Int) {
        // A UTF-8 byte order mark is dropped here: with the encoding fixed, libyaml would read it as text.
        let hasByteOrderMark = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
        let input = hasByteOrderMark ? UnsafeBufferPointer(rebasing: input[3...]) : input
        self.input = input
        self.file = file
        self.maximumDepth = maximumDepth
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        let start = input.count > 0 ? input.baseAddress! : UnsafePointer(Self.emptyInput)
        yaml_parser_set_input_string(parser, start, input.count)
    }

    /// A valid address for empty input (libyaml keeps the pointer).
    private nonisolated(unsafe) static let emptyInput = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    deinit {
        if hasEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// Reads the next event; the previous one's data is released.
    func next() throws(YAMLError) -> YAMLEventKind {
        if hasEvent {
            yaml_event_delete(event)
            hasEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw parseError() }
        hasEvent = true
        switch event.pointee.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias
        case YAML_SCALAR_EVENT: return .scalar
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return .mappingStart
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default: return .streamEnd
        }
    }

    /// The 1-based line and column where the current event starts.
    var mark: YAMLMark {
        YAMLMark(line: event.pointee.start_mark.line + 1, column: event.pointee.start_mark.column + 1)
    }

    /// The current scalar's bytes (valid until the next event).
    var scalarBytes: UnsafeBufferPointer<UInt8> {
        let scalar = event.pointee.data.scalar
        return UnsafeBufferPointer(start: scalar.value, count: scalar.length)
    }

    /// How the current scalar was written: plain without a tag, or its explicit tag.
    var scalarTagging: ScalarTagging {
        let scalar = event.pointee.data.scalar
        if let tag = scalar.tag { return .tagged(String(cString: tag)) }
        return scalar.plain_implicit != 0 ? .plain : .quoted
    }

    /// The anchor declared on the current scalar, sequence or mapping, if any.
    var anchor: String? {
        let data = event.pointee.data
        let pointer: UnsafeMutablePointer<yaml_char_t>?
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: pointer = data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: pointer = data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: pointer = data.mapping_start.anchor
        case YAML_ALIAS_EVENT: pointer = data.alias.anchor
        default: pointer = nil
        }
        return pointer.map { String(cString: $0) }
    }

    private func parseError() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        if state.error == YAML_READER_ERROR {
            let offset = min(state.problem_offset, input.count)
            let line = 1 + input[..<offset].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            let message =
                problem.contains("UTF-8")
                ? "the text is not valid UTF-8 (\(problem))"
                : "the text contains a character YAML does not allow (\(problem))"
            return YAMLError(file: file, line: line, message: message)
        }
        var message = problem
        if problem.hasPrefix("Maximum nesting level") {
            // libyaml's own bound (1000) can trip first because its scanner reads ahead.
            message = "collections are nested deeper than \(maximumDepth) levels"
        } else if let context = state.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(state.context_mark.line + 1))"
        }
        return YAMLError(
            file: file, line: state.problem_mark.line + 1, column: state.problem_mark.column + 1, message: message)
    }
}
