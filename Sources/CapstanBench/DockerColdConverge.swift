import CapstanCluster
import CapstanCore
import CapstanDocker
import CapstanDockerBackend
import CapstanModel
import Foundation
import Synchronization

/// Times one cold converge of the Docker backend on a daemon with none of its containers: a fresh backend and
/// store, one `reconcile(.poll)` started, and beside it a poll every `pollInterval`: one labelled
/// `GET /containers/json?filters=label=capstan.managed=true` (running only) on a connection of its own until every
/// container runs, then a list of the control plane's Deployments until every one is Available.
struct DockerColdConverge {
    let dockerHost: String
    let repository: String
    let work: URL
    let services: Int
    let ours: DaemonContainers
    let pollInterval: Duration
    static let timeout = Duration.seconds(120)

    func run() async throws -> DockerColdRun {
        guard try await ours.running().isEmpty else { throw BenchError("a cold run found containers running") }
        let setupStart = ContinuousClock.now
        let setup = try await DockerBackendSetup.start(dockerHost: dockerHost, repository: repository, work: work)
        let setupTime = setupStart.duration(to: .now)
        let events = DaemonEventLog.follow(ours.engine, labels: ours.labels)
        let podTimes = Mutex<[ContinuousClock.Instant]>([])
        let podWatch = Task { [control = setup.docker.control] in
            for await event in control.events() where event.key.kind == "Pod" && event.change == .added {
                podTimes.withLock { $0.append(.now) }
            }
        }
        defer {
            podWatch.cancel()
            events.stop()
        }
        let cpuBefore = ProcessCPU.milliseconds
        let startDate = Date()
        let start = ContinuousClock.now
        let reconcile = Task { () -> (ReconcileOutcome, ContinuousClock.Instant) in
            let outcome = await setup.reconciler.reconcile(.poll)
            return (outcome, .now)
        }
        let running: ContinuousClock.Instant
        let available: ContinuousClock.Instant
        let polls: Int
        do {
            // A container runs before its pod can be Ready, so the second poll starts when the first ends.
            (running, polls) = try await poll("all \(services) containers running", since: start) {
                try await ours.running().count == services
            }
            (available, _) = try await poll("all \(services) Deployments Available", since: start) {
                try await Self.availableDeployments(setup.docker.control) == services
            }
        } catch {
            _ = await reconcile.value
            await setup.stop()
            throw error
        }
        let (outcome, reconciled) = await reconcile.value
        let cpu = ProcessCPU.milliseconds - cpuBefore
        // The daemon's events arrive over a stream: give the last ones a moment.
        try await Task.sleep(for: .milliseconds(200))
        await setup.stop()
        guard outcome == .progressing || outcome == .done else {
            throw BenchError("cold converge: the reconcile returned \(String(describing: outcome).prefix(2000))")
        }
        let creates = events.times(of: "create")
        let starts = events.times(of: "start")
        let pods = podTimes.withLock { $0 }
        guard creates.count == services, starts.count == services, pods.count == services else {
            throw BenchError(
                "cold converge: the daemon reported \(creates.count) creates and \(starts.count) starts, the control "
                    + "plane \(pods.count) new pods (want \(services) each)")
        }
        func since(_ date: Date) -> Double { date.timeIntervalSince(startDate) * 1000 }
        return DockerColdRun(
            runningMilliseconds: start.duration(to: running).milliseconds,
            availableMilliseconds: start.duration(to: available).milliseconds,
            reconcileMilliseconds: start.duration(to: reconciled).milliseconds,
            podsCreatedMilliseconds: start.duration(to: pods.max()!).milliseconds,
            firstCreateMilliseconds: since(creates.first!), lastCreateMilliseconds: since(creates.last!),
            firstStartMilliseconds: since(starts.first!), lastStartMilliseconds: since(starts.last!),
            cpuMilliseconds: cpu, polls: polls, pollIntervalMilliseconds: pollInterval.milliseconds,
            setupMilliseconds: setupTime.milliseconds, outcome: String(describing: outcome), containers: services)
    }

    /// Checks every `pollInterval` until `check` holds (at most `timeout` after `start`): when it first held, and
    /// how many checks it took.
    private func poll(
        _ what: String, since start: ContinuousClock.Instant, _ check: () async throws -> Bool
    ) async throws -> (ContinuousClock.Instant, Int) {
        var checks = 0
        while start.duration(to: .now) < Self.timeout {
            checks += 1
            if try await check() { return (.now, checks) }
            try await Task.sleep(for: pollInterval)
        }
        throw BenchError("cold converge: not \(what) after \(Self.timeout)")
    }

    /// Deployments of the control plane whose `Available` condition is `True` with their one replica available.
    static func availableDeployments(_ control: some ClusterBackend) async throws -> Int {
        try await control.list(ResourceTypes.deployment, namespace: "default").filter { deployment in
            let conditions = deployment.value[path: ["status", "conditions"]]?.arrayValue ?? []
            let availableCondition = conditions.contains { $0["type"] == "Available" && $0["status"] == "True" }
            return availableCondition && deployment.value[path: ["status", "availableReplicas"]]?.intValue == 1
        }.count
    }
}
