import CapstanCore
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `rollback --pin` holds an app at a revision until unpinned; `autoRollback` pins the last Healthy revision when
/// a rollout ends Degraded and does not re-apply the bad revision until a newer commit arrives.
@Suite struct PinAndAutoRollbackTests {
    static func frontend(image: String, deadline: Int = 60) -> [String: String?] {
        let deployment = GuestbookManifests.deployment("frontend", replicas: 2, image: image)
            .replacingOccurrences(
                of: "  replicas: 2\n", with: "  replicas: 2\n  progressDeadlineSeconds: \(deadline)\n")
        return ["apps/guestbook/frontend.yaml": deployment]
    }

    /// Deploys `image` and lets the start delay pass; returns the commit.
    static func deploy(_ image: String, _ harness: CoreHarness, _ git: GitFixture) async throws -> String {
        let commit = try git.commit(frontend(image: image), message: "Deploy \(image)")
        await harness.reconcile()
        for _ in 0..<5 where await harness.status.rollout?.state != .healthy {
            await harness.cluster.advance(by: .seconds(2))
            await harness.reconcile(.clusterChange)
        }
        return commit
    }

    @Test(.timeLimit(.minutes(1))) func aPinnedAppStaysAtItsRevisionUntilUnpinned() async throws {
        let git = try GitFixture()
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        let first = try await Self.deploy("nginx:1.27", harness, git)
        let second = try await Self.deploy("nginx:1.28", harness, git)
        #expect(await harness.status.rollout?.state == .healthy)

        let controller = AppController(
            reconciler: harness.reconciler, backend: harness.cluster, logger: .init(label: "t"))
        let runner = Task { try await controller.run() }
        defer { runner.cancel() }
        let pinned = try await controller.rollback(to: nil, pin: true, restorer: nil)
        #expect(pinned.sync.revision == first)
        #expect(pinned.sync.status == .outOfSync)
        #expect(pinned.sync.reason == "Pinned")
        #expect(pinned.lastSync?.trigger == .rollback)
        let image = { () async throws -> String? in
            try await harness.deployment("frontend")?.value[path: ["spec", "template", "spec", "containers"]]?
                .arrayValue?.first?["image"]?.stringValue
        }
        #expect(try await image() == "nginx:1.27")

        let third = try git.commit(Self.frontend(image: "nginx:1.29"), message: "Deploy 1.29")
        _ = await controller.syncNow(.poll)
        #expect(await harness.status.sync.revision == first)
        #expect(try await image() == "nginx:1.27")

        #expect(await controller.unpin())
        let unpinned = await harness.status
        #expect(unpinned.pin == nil)
        #expect(unpinned.sync.revision == third)
        #expect(unpinned.sync.status == .synced)
        #expect(try await image() == "nginx:1.29")
        #expect(second != third)
        #expect(await harness.events.reasons.contains(.rollbackPerformed))
    }

    @Test(.timeLimit(.minutes(1))) func aDegradedRolloutIsRolledBackAndNotReapplied() async throws {
        let git = try GitFixture()
        let harness = try await CoreHarness.make(git: git, autoRollback: true)
        defer { harness.cleanUp() }
        let good = try await Self.deploy("nginx:1.27", harness, git)
        await harness.cluster.setImagePullable("nginx:broken", false)
        let bad = try git.commit(Self.frontend(image: "nginx:broken"), message: "Deploy a broken image")
        #expect(await harness.reconcile() == .progressing)

        // The progress deadline passes: the rollout is Degraded and the app goes back to the good revision.
        await harness.cluster.advance(by: .seconds(61))
        await harness.reconcile(.clusterChange)
        let status = await harness.status
        #expect(status.sync.revision == good)
        #expect(status.pin?.reason == .autoRollback)
        #expect(status.pin?.badRevision == bad)
        #expect(status.sync.reason == "AutoRollback")
        let history = try await harness.store.history(app: "guestbook")
        #expect(history.map(\.trigger) == [.autoRollback, .poll, .poll])
        #expect(history[1].revision?.id == bad)
        #expect(history[1].rollout == .degraded)
        let reasons = await harness.events.reasons
        #expect(
            reasons == [
                .syncSucceeded, .rolloutCompleted, .syncSucceeded, .healthDegraded, .rollbackPerformed,
                .healthRecovered, .syncSucceeded, .rolloutCompleted,
            ], "\(reasons)")
        let rollback = await harness.events.events.first { $0.reason == .rollbackPerformed }
        #expect(rollback?.metadata["from"] == bad)
        #expect(rollback?.metadata["to"] == good)

        // Polling again with the bad commit still at the branch head does not re-apply it.
        await harness.reconcile(.poll)
        #expect(await harness.status.sync.revision == good)
        #expect(try await harness.store.history(app: "guestbook").count == 3)

        // A newer commit lifts the pin.
        let fixed = try git.commit(Self.frontend(image: "nginx:1.29"), message: "Fix the image")
        await harness.reconcile(.poll)
        let after = await harness.status
        #expect(after.pin == nil)
        #expect(after.sync.revision == fixed)
        #expect(after.sync.status == .synced)
    }
}
