/// The text a document came from, kept so an error path can re-read it with positions.
final class YAMLSource: Sendable {
    let bytes: [UInt8]
    let file: String?
    let limits: YAMLLimits

    init(bytes: [UInt8], file: String?, limits: YAMLLimits) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
    }
}
