import CapstanDocker

/// The progress of one image pull summed over its layers, for a log line: bytes downloaded of the bytes known,
/// and layers done.
struct PullTally: Sendable {
    private var bytes: [String: (current: Int, total: Int)] = [:]
    private var done: Set<String> = []
    private var layers: Set<String> = []

    mutating func add(_ progress: PullProgress) {
        guard let layer = progress.id, !progress.status.hasPrefix("Pulling from") else { return }
        layers.insert(layer)
        switch progress.status {
        case "Downloading":
            bytes[layer] = (progress.current ?? 0, progress.total ?? 0)
        case "Download complete", "Pull complete", "Already exists":
            if let known = bytes[layer] { bytes[layer] = (known.total, known.total) }
            if progress.status != "Download complete" { done.insert(layer) }
        default:
            break
        }
    }

    /// `12.3 MB of 45.6 MB, 2 of 7 layers done`.
    var summary: String {
        let current = bytes.values.reduce(0) { $0 + $1.current }
        let total = bytes.values.reduce(0) { $0 + $1.total }
        return "\(Self.megabytes(current)) of \(Self.megabytes(total)), \(done.count) of \(layers.count) layers done"
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
