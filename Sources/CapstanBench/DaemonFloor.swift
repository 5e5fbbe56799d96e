import CapstanDocker
import Foundation

/// The daemon's own share of a cold converge: the same containers (image, entrypoint, host networking, init)
/// created and started by a bare Engine API client — no git, no control plane, no state — `parallel` at a time as
/// Capstan's node agent converges pods. No client of this daemon starts them much sooner.
struct DaemonFloor {
    let engine: DockerEngine
    let workload: DockerWorkload
    let containers: DaemonContainers
    /// `DockerNodeAgent.parallelPods`.
    static let parallel = 8

    /// Times creating and starting every container from nothing, then removes them.
    func run() async throws -> Double {
        try await containers.removeAll()
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, name) in workload.names.enumerated() {
                if index >= Self.parallel { try await group.next() }
                group.addTask { try await createAndStart(name) }
            }
            try await group.waitForAll()
        }
        let time = start.duration(to: .now).milliseconds
        let running = try await containers.running().count
        try await containers.removeAll()
        guard running == workload.services else {
            throw BenchError("the bare client started \(running) of \(workload.services) containers")
        }
        return time
    }

    private func createAndStart(_ name: String) async throws {
        _ = try await engine.imageExists(workload.image)
        let spec = ContainerSpec(
            image: workload.image, entrypoint: workload.command, labels: [containers.label: containers.value])
        let id = try await engine.createContainer(name: "capstanbench-floor-\(name)", spec: spec)
        try await engine.startContainer(id)
    }
}
