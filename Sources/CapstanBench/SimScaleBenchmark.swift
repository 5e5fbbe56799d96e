import CapstanCluster
import CapstanModel
import CapstanSimulator
import CapstanStore
import Foundation

/// The simulated cluster at scale (issue 3): `--pods` pods in Deployments of 100 replicas on `--nodes` nodes,
/// from apply to every pod scheduled, then to every pod Running; state in SQLite as in the service.
struct SimScaleBenchmark {
    let nodes: Int
    let pods: Int
    let work: String

    init(options: BenchArguments) throws(BenchError) {
        nodes = try options.int("nodes", default: 100, in: 1...5_000)
        pods = try options.int("pods", default: 10_000, in: 100...200_000)
        work = try options.string("work")
    }

    func run() async throws -> SimScaleRun {
        let folder = URL(fileURLWithPath: work).appendingPathComponent("sim-scale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try StateStore(path: folder.appendingPathComponent("capstan.sqlite").path)
        let capacity = SimulatedNode.defaults(
            count: nodes, cpu: Quantity("32")!, memory: Quantity("128Gi")!,
            pods: max(110, pods / nodes + 10))
        let cluster = try SimulatedCluster(
            options: SimulatedClusterOptions(
                startDelay: .seconds(2), nodes: capacity, seed: 11,
                startTime: Date(timeIntervalSince1970: 1_767_225_600)),
            store: store)
        let deployments = Self.deployments(count: pods / 100, replicas: 100)

        let start = ContinuousClock.now
        for result in await cluster.apply(deployments) {
            if case .failure(let error) = result { throw BenchError("apply failed: \(error)") }
        }
        let scheduled = ContinuousClock.now
        await cluster.advance(by: .seconds(3))
        let running = ContinuousClock.now

        let live = try await cluster.list(ResourceTypes.pod, namespace: nil)
        let unscheduled = live.filter { $0.value[path: ["spec", "nodeName"]] == nil }.count
        let runningCount = live.filter { $0.value[path: ["status", "phase"]] == "Running" }.count
        guard live.count == pods, unscheduled == 0, runningCount == pods else {
            throw BenchError(
                "expected \(pods) Running pods, found \(live.count) pods, \(unscheduled) unscheduled, "
                    + "\(runningCount) Running")
        }
        let work = await cluster.controllerWork
        return SimScaleRun(
            nodes: nodes, pods: pods,
            scheduleMilliseconds: Self.milliseconds(start, scheduled),
            runningMilliseconds: Self.milliseconds(scheduled, running),
            peakResidentBytes: ProcessMemory.peakResidentBytes,
            controllerMilliseconds: work.mapValues { $0.seconds * 1000 })
    }

    private static func milliseconds(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
        from.duration(to: to).seconds * 1000
    }

    /// Deployments of `replicas` pods each, with cpu and memory requests so every pod goes through the fit check.
    static func deployments(count: Int, replicas: Int) -> [Resource] {
        (0..<count).map { index in
            let name = "load-\(index)"
            return Resource(
                apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: name,
                spec: [
                    "replicas": .int(replicas),
                    "selector": ["matchLabels": ["app": .string(name)]],
                    "template": [
                        "metadata": ["labels": ["app": .string(name)]],
                        "spec": [
                            "containers": [
                                [
                                    "name": "app", "image": "registry.example/load:1.0",
                                    "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]],
                                ]
                            ]
                        ],
                    ],
                ])
        }
    }
}

/// One scale run, in its own process.
struct SimScaleRun: Codable {
    var nodes: Int
    var pods: Int
    /// From the apply call to its return: ReplicaSets and pods created, every pod scheduled, state flushed.
    var scheduleMilliseconds: Double
    /// Advancing simulated time past the start delay: every pod Running and Ready, state flushed.
    var runningMilliseconds: Double
    var peakResidentBytes: Int
    /// Time inside each controller's reconciles over the whole run, by controller name.
    var controllerMilliseconds: [String: Double]
}
