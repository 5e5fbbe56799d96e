import CapstanModel
import CapstanSimulator
import Foundation
import Logging
import Testing

@testable import CapstanDockerBackend

/// A daemon that does not answer when Capstan starts does not stop it: its node exists and its agent marks it
/// failed, so the scheduler places nothing there.
@Suite struct SilentDaemonAtStartTests {
    @Test(.timeLimit(.minutes(1))) func theNodeOfASilentDaemonIsMarkedFailed() async throws {
        let socket = "unix:///tmp/capstan-no-daemon-\(getpid()).sock"
        let docker = try await DockerCluster.open(
            DockerBackendOptions(hosts: [DockerHost(name: "silent", endpoint: socket)], driftInterval: .seconds(1)),
            store: nil, logger: Logger(label: "test"))
        let run = Task { await docker.run() }
        defer { run.cancel() }
        let key = ResourceKey(group: "", kind: "Node", namespace: "", name: "silent")
        var failed = false
        for _ in 0..<150 where !failed {
            let node = try await docker.control.get([key])[key]
            failed = node?.value[path: ["metadata", "annotations", "simulation.capstan.io/failed-at"]] != nil
            if !failed { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(failed, "the silent daemon's node was not marked failed within 15 s")
    }
}
