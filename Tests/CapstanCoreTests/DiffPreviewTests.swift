import CapstanCore
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `AppReconciler.preview` (behind `capstan diff`) says what a sync would change and changes nothing itself:
/// no apply, no history entry, no status, inventory or event, and the next reconcile behaves as without it.
@Suite struct DiffPreviewTests {
    /// Everything a preview must leave as it was.
    struct Trace: Equatable {
        var status: AppStatus
        var history: [SyncRecord]
        var inventory: [ResourceKey: InventoryEntry]
        var events: Int
        var applyRequests: Int

        init(_ harness: CoreHarness) async throws {
            status = await harness.status
            history = try await harness.store.history(app: "guestbook")
            inventory = try await harness.store.inventory(app: "guestbook")
            events = await harness.events.events.count
            applyRequests = await harness.cluster.statistics.applyRequests
        }
    }

    static func image(_ harness: CoreHarness) async throws -> String? {
        try await harness.deployment("frontend")?.value[path: ["spec", "template", "spec", "containers"]]?
            .arrayValue?.first?["image"]?.stringValue
    }

    @Test(.timeLimit(.minutes(1))) func anImageChangeIsShownAndNothingIsApplied() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        await harness.reconcile()
        #expect(try await harness.reconciler.preview().isEmpty)

        let second = try git.commit(
            [
                "apps/guestbook/frontend.yaml": GuestbookManifests.deployment("frontend", image: "nginx:1.28")
                    + "\n---\n" + GuestbookManifests.service("frontend")
            ], message: "nginx 1.28")
        let before = try await Trace(harness)
        let diff = try await harness.reconciler.preview()
        #expect(diff.revision.id == second)
        #expect(diff.liveRevision == first)
        #expect(diff.ref == "main")
        #expect(diff.pin == nil)
        let change = try #require(diff.changes.first)
        #expect(diff.changes.count == 1)
        #expect(change.key == ResourceKey(group: "apps", kind: "Deployment", namespace: "default", name: "frontend"))
        #expect(change.action == .update)
        #expect(change.reason == .manifestChanged)
        #expect(change.location == SourceLocation(file: "apps/guestbook/frontend.yaml", line: 1))
        #expect(
            change.differences.map(\.description) == [
                #"spec.template.spec.containers[0].image: "nginx:1.27" → "nginx:1.28""#
            ])
        #expect(try await Trace(harness) == before)
        #expect(try await Self.image(harness) == "nginx:1.27")

        // The preview fetched the new commit but did not hand it to the loop: a reconcile that only re-reads
        // the cluster still compares with the first commit, as it would have without the preview.
        await harness.reconcile(.clusterChange)
        #expect(await harness.status.sync.revision == first)
        #expect(try await Self.image(harness) == "nginx:1.27")
        let unfetched = try await harness.reconciler.preview(fetch: false)
        #expect(unfetched.revision.id == first)
        #expect(unfetched.isEmpty)
    }

    @Test(.timeLimit(.minutes(1)), arguments: [true, false])
    func aResourceRemovedFromGitIsADeleteOrAKeptPrune(prune: Bool) async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git, prune: prune)
        defer { harness.cleanUp() }
        await harness.reconcile()
        try git.commit(["apps/guestbook/config.yaml": nil], message: "Drop the config")
        let before = try await Trace(harness)
        let diff = try await harness.reconciler.preview()
        #expect(
            diff.changes == [
                AppDiffEntry(
                    key: ResourceKey(group: "", kind: "ConfigMap", namespace: "default", name: "guestbook-config"),
                    action: prune ? .delete : .pruneSkipped, reason: .removedFromGit)
            ])
        #expect(try await Trace(harness) == before)
        #expect(try await harness.live("ConfigMap", "guestbook-config") != nil)
    }

    @Test(.timeLimit(.minutes(1))) func aCommitThatDoesNotRenderIsAnErrorNamingTheFileAndLine() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        await harness.reconcile()
        let broken = try git.commit(
            ["apps/guestbook/broken.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n"],
            message: "Break it")
        let before = try await Trace(harness)
        let error = try await #require(throws: DiffError.self) { try await harness.reconciler.preview() }
        #expect(error.message.hasPrefix("app guestbook: revision \(broken.prefix(7)) does not render:\n"))
        #expect(error.message.contains("\napps/guestbook/broken.yaml:5: "))
        #expect(!error.isRetryable)
        // Unlike a sync, the preview records no failure and sets no condition.
        #expect(try await Trace(harness) == before)
    }

    @Test(.timeLimit(.minutes(1))) func aPinnedAppIsComparedWithItsPinnedRevision() async throws {
        let git = try GitFixture()
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        let first = try await PinAndAutoRollbackTests.deploy("nginx:1.27", harness, git)
        _ = try await PinAndAutoRollbackTests.deploy("nginx:1.28", harness, git)
        let controller = AppController(
            reconciler: harness.reconciler, backend: harness.cluster, logger: .init(label: "t"))
        let runner = Task { try await controller.run() }
        defer { runner.cancel() }
        _ = try await controller.rollback(to: nil, pin: true, restorer: nil)
        #expect(try await Self.image(harness) == "nginx:1.27")

        try git.commit(PinAndAutoRollbackTests.frontend(image: "nginx:1.29"), message: "Deploy 1.29")
        let diff = try await controller.diff()
        #expect(diff.revision.id == first)
        #expect(diff.pin?.revision == first)
        #expect(diff.isEmpty)
    }
}
