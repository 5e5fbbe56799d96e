import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanDockerBackend

/// The restart back-off starts over once a container ran `backOffReset` (the kubelet's 10 minutes) before it
/// stopped: as a record, and on a real daemon with the reset shortened to 1 s.
@Suite(.serialized) struct BackOffResetTests {
    @Test(arguments: [
        // ran (s), restarts before, expected wait (s)
        (5.0, 0, 0.0), (5.0, 1, 10.0), (5.0, 2, 20.0), (5.0, 9, 300.0), (600.0, 9, 0.0), (700.0, 1, 0.0),
    ])
    func restartWaits(ran: Double, restartsBefore: Int, wait: Double) {
        var record = ContainerRecord()
        let start = Date(timeIntervalSince1970: 1_000_000)
        for _ in 0..<restartsBefore {
            let at = record.restartTime(started: start, finished: start.addingTimeInterval(1), resetAfter: 600)
            #expect(at >= start)
            record.restarted()
        }
        let finished = start.addingTimeInterval(ran)
        let at = record.restartTime(started: start, finished: finished, resetAfter: 600)
        #expect(at.timeIntervalSince(finished) == wait)
    }

    @Test(.timeLimit(.minutes(2))) func aContainerThatRanLongEnoughRestartsWithoutBackOff() async throws {
        let harness = try AgentHarness(ports: 33_500...33_599, settings: NodeAgentSettings(backOffReset: .seconds(1)))
        // Runs 2 s, fails: each run is longer than the reset, so no restart waits (without the reset the second
        // restart would wait 10 s and the third 20 s).
        let flaky = AgentHarness.deployment("flaky", command: "sleep 2; exit 1")
        do {
            try await harness.apply([flaky])
            var sawBackOff = false
            // Without the reset the third restart would come after 2 + 10 + 20 s of back-off: past this bound.
            let restarted = try await DockerNodeAgentTests.eventually(30) {
                let status = try await harness.containerStatus("flaky-")
                if status?[path: ["state", "waiting", "reason"]] == "CrashLoopBackOff" { sawBackOff = true }
                return (status?["restartCount"]?.intValue ?? 0) >= 3
            }
            #expect(restarted, "the container was not restarted 3 times within 30 s")
            #expect(!sawBackOff, "a container that ran longer than the reset waited in CrashLoopBackOff")
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
