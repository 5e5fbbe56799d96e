import CapstanCore
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan.io/sync-wave`: a later wave is applied only once the earlier one is Healthy, and the rollout records
/// how long it took until the app was Healthy.
@Suite struct SyncWaveTests {
    static func files() -> [String: String?] {
        let database = GuestbookManifests.deployment("db", replicas: 1, image: "postgres:16")
            .replacingOccurrences(
                of: "metadata:\n  name: db\n",
                with: "metadata:\n  name: db\n  annotations:\n    capstan.io/sync-wave: \"-1\"\n")
        let web = GuestbookManifests.deployment("web", replicas: 2, image: "nginx:1.27")
            .replacingOccurrences(
                of: "metadata:\n  name: web\n",
                with: "metadata:\n  name: web\n  annotations:\n    capstan.io/sync-wave: \"1\"\n")
        return [
            "apps/guestbook/db.yaml": database, "apps/guestbook/web.yaml": web,
            "apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: "wave0"),
        ]
    }

    @Test(.timeLimit(.minutes(1))) func laterWavesWaitForEarlierOnesToBeHealthy() async throws {
        let git = try GitFixture()
        let commit = try git.commit(Self.files(), message: "Three waves")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }

        #expect(await harness.reconcile() == .progressing)
        var status = await harness.status
        #expect(try await harness.deployment("db") != nil)
        #expect(try await harness.live("ConfigMap", "guestbook-config") == nil)
        #expect(try await harness.deployment("web") == nil)
        #expect(status.rollout?.revision == commit)
        #expect(status.rollout?.waves == [-1, 0, 1])
        #expect(status.rollout?.wave == -1)
        #expect(status.rollout?.state == .progressing)
        #expect(status.rollout?.message == "wave -1 (1/3): 0/1 ready")

        // db becomes Ready after the start delay: wave 0 (no health) and wave 1 go in the same reconcile.
        await harness.cluster.advance(by: .seconds(2))
        #expect(await harness.reconcile(.clusterChange) == .progressing)
        #expect(try await harness.live("ConfigMap", "guestbook-config") != nil)
        #expect(try await harness.deployment("web") != nil)
        status = await harness.status
        #expect(status.rollout?.wave == 1)
        #expect(status.rollout?.state == .progressing)

        await harness.cluster.advance(by: .seconds(2))
        #expect(await harness.reconcile(.clusterChange) == .done)
        status = await harness.status
        #expect(status.rollout?.state == .healthy)
        #expect(status.health.status == .healthy)
        let history = try await harness.store.history(app: "guestbook")
        #expect(history.count == 1)
        let record = try #require(history.first)
        #expect(record.rollout == .healthy)
        #expect(
            record.changeSet.lines == [
                "created ConfigMap/default/guestbook-config", "created Deployment/default/db",
                "created Deployment/default/web",
            ])
        #expect(record.rolloutSeconds != nil)
        #expect(await harness.events.reasons == [.syncSucceeded, .rolloutCompleted])
    }

    @Test func aWaveThatIsNotAnIntegerFailsTheCommitNamingTheFile() async throws {
        let git = try GitFixture()
        var files = Self.files()
        files["apps/guestbook/config.yaml"] = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: guestbook-config
              annotations:
                capstan.io/sync-wave: first
            data:
              mode: x
            """
        try git.commit(files, message: "Bad wave")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        _ = await harness.reconcile()
        let status = await harness.status
        #expect(status.sync.reason == "ComparisonError")
        let message = status.conditions.first?.message ?? ""
        #expect(message.contains("apps/guestbook/config.yaml:1"), "\(message)")
        #expect(message.contains("capstan.io/sync-wave must be an integer, got \"first\""), "\(message)")
        #expect(try await harness.deployment("db") == nil)
        #expect(await harness.events.reasons == [.syncFailed])
    }
}
