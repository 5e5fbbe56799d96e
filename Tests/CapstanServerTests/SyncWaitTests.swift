import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan sync APP --wait` follows the rollout wave by wave and ends with the time it took.
@Suite(.serialized) struct SyncWaitTests {
    static func waved(_ name: String, wave: Int, replicas: Int) -> String {
        GuestbookManifests.deployment(name, replicas: replicas)
            .replacingOccurrences(
                of: "metadata:\n  name: \(name)\n",
                with: "metadata:\n  name: \(name)\n  annotations:\n    capstan.io/sync-wave: \"\(wave)\"\n")
    }

    @Test(.timeLimit(.minutes(1))) func waitPrintsWaveProgressUntilHealthy() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Guestbook")
        let server = try await ServerHarness.start(git: git)
        try await server.stopping {
            _ = try await server.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
            let commit = try git.commit(
                [
                    "apps/guestbook/db.yaml": Self.waved("db", wave: -1, replicas: 1),
                    "apps/guestbook/web.yaml": Self.waved("web", wave: 1, replicas: 2),
                ], message: "Database first")
            let sync = try await CapstanBinary.run(
                ["sync", "guestbook", "--wait", "--timeout", "30s", "--server", server.baseURL])
            #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
            let lines = sync.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("synced guestbook to \(commit.prefix(7)): ") == true, "\(lines)")
            #expect(lines.contains("Progressing: wave -1 (1/3): 0/1 ready"), "\(lines)")
            #expect(
                lines.last?.hasPrefix("guestbook is Healthy at \(commit.prefix(7)) (Healthy after ") == true, "\(lines)"
            )
            let history = try await CapstanBinary.run([
                "history", "guestbook", "--limit", "1", "--server", server.baseURL,
            ])
            #expect(history.stdout.contains("rollout Healthy after "), "\(history.stdout)")
        }
    }

    @Test(.timeLimit(.minutes(1))) func aDegradedRolloutExitsNonZero() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Guestbook")
        let server = try await ServerHarness.start(git: git, timeScale: 100)
        try await server.stopping {
            _ = try await server.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
            try git.commit(
                [
                    "apps/guestbook/frontend.yaml": GuestbookManifests.deployment(
                        "frontend", image: "registry.test/broken:1"
                    )
                    .replacingOccurrences(of: "  replicas: 2\n", with: "  replicas: 2\n  progressDeadlineSeconds: 30\n")
                        + "\n---\n" + GuestbookManifests.service("frontend")
                ], message: "Broken image")
            let block = try await CapstanBinary.run(
                ["sim", "image", "fail", "registry.test/broken:1", "--server", server.baseURL])
            #expect(block.status == 0, "\(block.stderr)")
            let sync = try await CapstanBinary.run(
                ["sync", "guestbook", "--wait", "--timeout", "30s", "--server", server.baseURL])
            #expect(sync.status == 1, "\(sync.stdout)\(sync.stderr)")
            #expect(sync.stdout.contains("guestbook is Degraded: Degraded after "), "\(sync.stdout)")
        }
    }
}
