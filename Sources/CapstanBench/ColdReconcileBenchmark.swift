import CapstanCluster
import CapstanCore
import Foundation

/// Times one reconcile from nothing: clone, read, decode, plan, apply to the simulated cluster, record.
/// Run it once per process, so the peak RSS it reports belongs to that reconcile alone.
struct ColdReconcileBenchmark {
    let fleet: BenchFleet

    init(options: BenchArguments) throws(BenchError) {
        fleet = try BenchFleet(options: options)
    }

    func run() async throws -> ColdRun {
        let setupStart = ContinuousClock.now
        let setup = try await BenchSetup.make(fleet, tracksMemory: true)
        defer { setup.cleanUp() }
        let setupTime = setupStart.duration(to: .now)
        let residentBefore = ProcessMemory.residentBytes

        let (outcome, duration, phases) = await setup.reconcile(.poll)
        let peak = ProcessMemory.peakResidentBytes

        let status = await setup.reconciler.status
        let applied = await setup.cluster.statistics.applyRequests
        let deployments = try await setup.cluster.list(ResourceTypes.deployment, namespace: fleet.namespace).count
        let pods = try await setup.cluster.list(ResourceTypes.pod, namespace: fleet.namespace)
        guard outcome == .progressing || outcome == .done else {
            throw BenchError("cold reconcile did not sync: \(String(describing: outcome).prefix(2000))")
        }
        guard applied == fleet.resourceCount, deployments == fleet.apps, pods.count == fleet.apps else {
            throw BenchError(
                "cold reconcile applied \(applied) objects (want \(fleet.resourceCount)); the cluster has "
                    + "\(deployments) deployments and \(pods.count) pods (want \(fleet.apps) each)")
        }
        let running = pods.filter { $0.value[path: ["status", "phase"]]?.stringValue == "Running" }.count
        return ColdRun(
            milliseconds: duration.milliseconds, phases: phases, setupMilliseconds: setupTime.milliseconds,
            peakResidentBytes: peak, residentBytesBefore: residentBefore,
            outcome: String(describing: outcome), health: status.health.status.rawValue,
            runningPods: running, revision: status.sync.revision ?? "",
            applied: applied, deployments: deployments, pods: pods.count)
    }
}
