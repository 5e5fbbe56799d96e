import CapstanCore
import Foundation

/// Times no-change converges of the Docker backend: it deploys the services (untimed), waits until every
/// container runs, every Deployment is Available and a reconcile returns `done`, then times `runs` pairs of
/// `reconcile(.poll)` on the same commit and one `syncOnce()` of the node agent.
struct DockerNoChange {
    let dockerHost: String
    let repository: String
    let work: URL
    let services: Int
    let runs: Int
    let ours: DaemonContainers

    func run() async throws -> DockerNoChangeResult {
        let setup = try await DockerBackendSetup.start(dockerHost: dockerHost, repository: repository, work: work)
        do {
            let result = try await measure(setup)
            await setup.stop()
            return result
        } catch {
            await setup.stop()
            throw error
        }
    }

    private func measure(_ setup: DockerBackendSetup) async throws -> DockerNoChangeResult {
        try await settle(setup)
        try await setup.agent.syncOnce()
        let before = try await ours.running()
        let writesBefore = await setup.docker.control.statistics.objectWrites
        let events = DaemonEventLog.follow(ours.engine, labels: ours.labels)
        defer { events.stop() }
        var totals: [Double] = []
        var reconciles: [Double] = []
        var passes: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let outcome = await setup.reconciler.reconcile(.poll)
            let reconciled = ContinuousClock.now
            try await setup.agent.syncOnce()
            let end = ContinuousClock.now
            guard outcome == .done else {
                throw BenchError("no-change: a reconcile of the same commit returned \(outcome)")
            }
            totals.append(start.duration(to: end).milliseconds)
            reconciles.append(start.duration(to: reconciled).milliseconds)
            passes.append(reconciled.duration(to: end).milliseconds)
        }
        let writes = await setup.docker.control.statistics.objectWrites - writesBefore
        let after = try await ours.running()
        try await Task.sleep(for: .milliseconds(200))
        let moved = ["create", "start", "die", "kill", "stop", "destroy"].map { events.times(of: $0).count }
            .reduce(0, +)
        let replaced = before.symmetricDifference(after).count
        guard writes == 0, moved == 0, replaced == 0 else {
            throw BenchError(
                "no-change converges wrote \(writes) objects, caused \(moved) container events and replaced "
                    + "\(replaced / 2) containers")
        }
        return DockerNoChangeResult(
            samples: Samples(totals), reconcileSamples: Samples(reconciles), agentPassSamples: Samples(passes),
            objectWrites: writes, containerEvents: moved, replacedContainers: replaced, outcome: "done",
            containers: after.count)
    }

    /// Deploys and waits (at most 120 s) until every container runs, every Deployment is Available and a
    /// reconcile finds nothing left to do.
    private func settle(_ setup: DockerBackendSetup) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        var outcome = await setup.reconciler.reconcile(.poll)
        while ContinuousClock.now < deadline {
            let available = try await DockerColdConverge.availableDeployments(setup.docker.control)
            if outcome == .done, available == services, try await ours.running().count == services { return }
            try await Task.sleep(for: .milliseconds(100))
            outcome = await setup.reconciler.reconcile(.poll)
        }
        throw BenchError("no-change: the \(services) services did not settle within 120 s (last outcome \(outcome))")
    }
}
