/// One phase's duration over several reconciles.
struct PhaseSamples: Codable, Sendable {
    var name: String
    var samples: Samples
    /// The process's peak RSS by the end of the phase, in bytes, when memory was tracked.
    var peakResidentBytes: Samples?

    /// Phases of several runs, matched by name in the order they first appear (0 ms where a run lacked one).
    static func collect(_ runs: [[Phase]]) -> [PhaseSamples] {
        var names: [String] = []
        for phase in runs.joined() where !names.contains(phase.name) { names.append(phase.name) }
        return names.map { name in
            let matching = runs.map { run in run.filter { $0.name == name } }
            let peaks = matching.joined().compactMap(\.peakResidentBytes).map(Double.init)
            return PhaseSamples(
                name: name,
                samples: Samples(matching.map { $0.reduce(0) { $0 + $1.milliseconds } }),
                peakResidentBytes: peaks.isEmpty ? nil : Samples(peaks))
        }
    }
}
