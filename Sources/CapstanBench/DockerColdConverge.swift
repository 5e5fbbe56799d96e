import CapstanCluster
import CapstanCore
import CapstanDocker
import CapstanDockerBackend
import CapstanModel
import Foundation
import Synchronization

/// Times one cold converge of the Docker backend on a daemon with none of its containers: a fresh backend and
/// store, one `reconcile(.poll)` started, and beside it two passive observers that add no call to the daemon while
/// it works: the daemon's own event stream (every container's `create` and `start`, with the daemon's times) and
/// the control plane's watch (every Deployment change, on which its Deployments are counted as Available).
/// Polling the daemon instead (a labelled list every 20 ms) cost the daemon CPU on the cores it was saturating and
/// slowed the very converge it measured (≈ 0.3–0.6 s at 30 containers on 2 cores), a load no other side had.
struct DockerColdConverge {
    let dockerHost: String
    let repository: String
    let work: URL
    let services: Int
    let ours: DaemonContainers
    static let timeout = Duration.seconds(120)

    func run() async throws -> DockerColdRun {
        guard try await ours.running().isEmpty else { throw BenchError("a cold run found containers running") }
        let setupStart = ContinuousClock.now
        let setup = try await DockerBackendSetup.start(dockerHost: dockerHost, repository: repository, work: work)
        let setupTime = setupStart.duration(to: .now)
        let events = DaemonEventLog.follow(ours.engine, labels: ours.labels)
        let podTimes = Mutex<[ContinuousClock.Instant]>([])
        let control = setup.docker.control
        // Subscribed here, before the reconcile starts, so no change falls before a watch begins.
        let podChanges = control.events()
        let deploymentChanges = control.events()
        let podWatch = Task {
            for await event in podChanges where event.key.kind == "Pod" && event.change == .added {
                podTimes.withLock { $0.append(.now) }
            }
        }
        let services = services
        let availableWatch = Task { () -> ContinuousClock.Instant? in
            for await event in deploymentChanges where event.key.kind == "Deployment" {
                if (try? await Self.availableDeployments(control)) == services { return .now }
            }
            return nil
        }
        defer {
            podWatch.cancel()
            availableWatch.cancel()
            events.stop()
        }
        let cpuBefore = ProcessCPU.milliseconds
        let startDate = Date()
        let start = ContinuousClock.now
        let reconcile = Task { () -> (ReconcileOutcome, ContinuousClock.Instant) in
            let outcome = await setup.reconciler.reconcile(.poll)
            return (outcome, .now)
        }
        let available: ContinuousClock.Instant
        do {
            // The event log is read in memory (no daemon call); the time is the daemon's own for the last start.
            try await waitUntil("all \(services) containers started", since: start) {
                events.times(of: "start").count >= services
            }
            let timeout = Task {
                try? await Task.sleep(for: Self.timeout)
                availableWatch.cancel()
            }
            defer { timeout.cancel() }
            guard let reached = await availableWatch.value else {
                throw BenchError("cold converge: not all \(services) Deployments Available after \(Self.timeout)")
            }
            available = reached
        } catch {
            _ = await reconcile.value
            await setup.stop()
            throw error
        }
        let (outcome, reconciled) = await reconcile.value
        let cpu = ProcessCPU.milliseconds - cpuBefore
        let runningNow = try await ours.running().count
        // The daemon's events arrive over a stream: give any late ones (there should be none) a moment.
        try await Task.sleep(for: .milliseconds(200))
        await setup.stop()
        guard outcome == .progressing || outcome == .done else {
            throw BenchError("cold converge: the reconcile returned \(String(describing: outcome).prefix(2000))")
        }
        let creates = events.times(of: "create")
        let starts = events.times(of: "start")
        let pods = podTimes.withLock { $0 }
        guard creates.count == services, starts.count == services, pods.count == services,
            runningNow == services
        else {
            throw BenchError(
                "cold converge: the daemon reported \(creates.count) creates and \(starts.count) starts and lists "
                    + "\(runningNow) running, the control plane \(pods.count) new pods (want \(services) each)")
        }
        func since(_ date: Date) -> Double { date.timeIntervalSince(startDate) * 1000 }
        return DockerColdRun(
            runningMilliseconds: since(starts.last!),
            availableMilliseconds: start.duration(to: available).milliseconds,
            reconcileMilliseconds: start.duration(to: reconciled).milliseconds,
            podsCreatedMilliseconds: start.duration(to: pods.max()!).milliseconds,
            firstCreateMilliseconds: since(creates.first!), lastCreateMilliseconds: since(creates.last!),
            firstStartMilliseconds: since(starts.first!), cpuMilliseconds: cpu,
            setupMilliseconds: setupTime.milliseconds, outcome: String(describing: outcome), containers: services)
    }

    /// Checks `done` (an in-memory read) every 10 ms until it holds, at most `timeout` after `start`.
    private func waitUntil(_ what: String, since start: ContinuousClock.Instant, _ done: () -> Bool) async throws {
        while start.duration(to: .now) < Self.timeout {
            if done() { return }
            try await Task.sleep(for: .milliseconds(10))
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
