import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

@Suite struct ClockResolutionTests {
    /// Times read back from object timestamps are not exact binary fractions; a wake-up computed from one
    /// must still fire once, not spin at the same millisecond (this hung the real-time service once).
    @Test(.timeLimit(.minutes(1)), arguments: [0.1729, 0.3331, 0.6667, 0.9999])
    func podsStartWhenTheClockIsNotOnAWholeMillisecond(_ fraction: Double) async throws {
        let cluster = try SimulatedCluster(
            options: SimulatedClusterOptions(
                startDelay: .milliseconds(200), nodes: SimulatedNode.defaults(count: 2), seed: 3,
                startTime: Date(timeIntervalSince1970: 1_763_744_949 + fraction)))
        var manifest = Fixtures.deployment("web", replicas: 3, minReadySeconds: 1)
        manifest.value[path: ["spec", "template", "spec", "containers"]] = [
            [
                "name": "app", "image": "nginx:1.27", "readinessProbe": ["initialDelaySeconds": 1],
            ]
        ]
        try await cluster.applyAll([manifest])
        for _ in 0..<40 { await cluster.advance(by: .milliseconds(77)) }
        let pods = try await cluster.pods()
        #expect(pods.count == 3 && pods.allSatisfy(\.isPodReady))
        #expect(try await cluster.object(Fixtures.deploymentKey("web"))?.int("status", "availableReplicas") == 3)
        #expect(await cluster.statistics.livelocks == 0)
    }
}
