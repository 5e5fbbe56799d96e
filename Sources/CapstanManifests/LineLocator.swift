import CapstanModel
import CapstanYAML
import Synchronization

/// Finds the lines of fields on error paths: the file is re-read once with positions, on first need.
final class LineLocator: Sendable {
    private let bytes: [UInt8]
    private let file: String
    private let documents = Mutex<[YAMLNode]?>(nil)

    /// `bytes` may be YAML or JSON (JSON is YAML, so the YAML parser gives its positions too).
    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// The positioned tree of the document at `index` in the file, or nil when it cannot be rebuilt.
    func document(at index: Int) -> YAMLNode? {
        documents.withLock { cached in
            if cached == nil { cached = (try? YAMLParser.nodes(bytes, file: file)) ?? [] }
            return cached!.indices.contains(index) ? cached![index] : nil
        }
    }
}
