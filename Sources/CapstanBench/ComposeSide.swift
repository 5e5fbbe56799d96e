import Foundation

/// docker-compose's runs: cold `up -d` from nothing and `up -d` with nothing to change, checked on the daemon
/// by the project's label.
struct ComposeSide {
    let compose: ComposeCommand
    let containers: DaemonContainers
    let services: Int

    /// `docker-compose version`, `runs` times.
    func versionSamples(runs: Int) async throws -> Samples {
        var samples: [Double] = []
        for _ in 0..<runs { samples.append(try await compose.run(["version"], project: false).milliseconds) }
        return Samples(samples)
    }

    /// `down` (untimed) and a check that nothing of the project is left, then a timed `up -d` and a check that
    /// every service's container runs.
    func cold() async throws -> Double {
        try await compose.run(["down", "--timeout", "1"])
        try await containers.removeAll()
        let time = try await compose.run(["up", "-d"])
        let running = try await containers.running().count
        guard running == services else {
            throw BenchError("docker-compose up -d returned with \(running) of \(services) containers running")
        }
        return time.milliseconds
    }

    /// `up -d` once (untimed) so everything is up, then `runs` timed `up -d` that must replace nothing.
    func noChange(runs: Int) async throws -> (Samples, replaced: Int) {
        try await compose.run(["up", "-d"])
        let before = try await containers.running()
        guard before.count == services else {
            throw BenchError("docker-compose: \(before.count) of \(services) containers run before the no-change runs")
        }
        var samples: [Double] = []
        for _ in 0..<runs { samples.append(try await compose.run(["up", "-d"]).milliseconds) }
        let after = try await containers.running()
        let replaced = before.symmetricDifference(after).count / 2
        guard replaced == 0, after.count == services else {
            throw BenchError("docker-compose's no-change up -d replaced \(replaced) containers")
        }
        return (Samples(samples), replaced)
    }

    /// `down`: the project's containers stopped and removed.
    func down() async throws {
        try await compose.run(["down", "--timeout", "1"])
        try await containers.removeAll()
    }
}
