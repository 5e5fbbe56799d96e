import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan serve` stopped in the middle of a rolling update and started again on the same state directory:
/// the rollout resumes and completes.
@Suite(.serialized) struct RestartMidRolloutTests {
    @Test(.timeLimit(.minutes(2))) func aRolloutInterruptedByARestartCompletes() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(replicas: 4), message: "Add guestbook")
        let first = try await ServerHarness.start(git: git, startDelay: .seconds(1))
        _ = try await first.waitForApp { $0[path: ["health", "status"]] == "Healthy" }

        let next = try git.commit(
            [
                "apps/guestbook/frontend.yaml": GuestbookManifests.deployment(
                    "frontend", replicas: 4, image: "nginx:1.28")
                    + "\n---\n" + GuestbookManifests.service("frontend")
            ],
            message: "nginx 1.28")
        let directory = first.stateDirectory.path
        // Stopped (and waited for: a second service may not run on the same state) in the middle of the rollout.
        try await first.stopping(keepState: true) {
            let synced = try await first.json("POST", "/api/v1/apps/guestbook/sync")
            #expect(synced[path: ["sync", "revision"]] == .string(next))
            #expect(synced[path: ["health", "status"]] == "Progressing")
        }

        let second = try await ServerHarness.start(git: git, stateDirectory: directory, startDelay: .seconds(1))
        let app = try await second.waitForApp { $0[path: ["health", "status"]] == "Healthy" }
        #expect(app[path: ["sync", "revision"]] == .string(next))
        let pods = try await second.json("GET", "/api/v1/cluster/pods?namespace=default")
        let images = (pods["items"]?.arrayValue ?? []).compactMap {
            $0[path: ["spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue
        }
        #expect(images == Array(repeating: "nginx:1.28", count: 4))
        // The restart re-applied nothing: the rollout finished from the stored state.
        #expect(await second.app.cluster.statistics.applyRequests == 0)
        await second.stop()
    }
}
