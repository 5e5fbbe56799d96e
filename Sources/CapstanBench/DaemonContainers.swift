import CapstanDocker
import Foundation

/// The benchmark's view of one side's containers on the daemon, by one label: how many run, and removing them all.
struct DaemonContainers: Sendable {
    let engine: DockerEngine
    let label: String
    let value: String

    var labels: [String: String?] { [label: value] }

    /// One labelled `GET /containers/json` (running containers only): their IDs.
    func running() async throws -> Set<String> {
        Set(try await engine.listContainers(labels: labels, all: false).map(\.id))
    }

    /// Force-removes every container carrying the label, 8 at a time, and checks that none is left.
    func removeAll() async throws {
        let containers = try await engine.listContainers(labels: labels)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, container) in containers.enumerated() {
                if index >= 8 { try await group.next() }
                group.addTask {
                    do {
                        try await engine.removeContainer(container.id, force: true)
                    } catch let error as DockerError where error.isNotFound {}
                }
            }
            try await group.waitForAll()
        }
        let left = try await engine.listContainers(labels: labels)
        guard left.isEmpty else {
            throw BenchError("\(left.count) containers labelled \(label)=\(value) are left after removing them all")
        }
    }
}
