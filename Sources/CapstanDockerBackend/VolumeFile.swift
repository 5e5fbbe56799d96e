/// One file of a ConfigMap or Secret volume: its path inside the volume, its bytes and its permission bits.
/// `description` never shows the bytes (they may be a Secret's).
struct VolumeFile: Hashable, Sendable, CustomStringConvertible {
    var path: String
    var contents: [UInt8]
    var mode: Int

    var description: String { "\(path) (\(contents.count) bytes, mode \(String(mode, radix: 8)))" }
}
