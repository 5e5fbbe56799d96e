import CapstanCore
import CapstanModel
import CapstanTestSupport
import Testing

@Suite struct ConvergenceTests {
    @Test func aCommitConvergesAndBecomesHealthy() async throws {
        let git = try GitFixture()
        let commit = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }

        #expect(await harness.reconcile() == .progressing)
        var status = await harness.status
        #expect(status.sync.status == .synced)
        #expect(status.sync.revision == commit)
        #expect(status.health.status == .progressing)
        #expect(status.lastSync?.result == .succeeded)
        #expect(status.lastSync?.message == "3 created")
        #expect(
            status.resources.map { "\($0.kind)/\($0.name)" }.sorted()
                == ["ConfigMap/guestbook-config", "Deployment/frontend", "Service/frontend"])

        await harness.cluster.advance(by: .seconds(3))
        #expect(await harness.reconcile(.clusterChange) == .done)
        status = await harness.status
        #expect(status.health.status == .healthy)
        #expect(status.sync.status == .synced)
        let deployment = try #require(try await harness.deployment("frontend"))
        #expect(deployment.value[path: ["status", "availableReplicas"]] == 2)
        #expect(deployment.annotations["capstan.io/app"] == "guestbook")

        let history = try await harness.store.history(app: "guestbook")
        #expect(history.count == 1)
        #expect(history[0].revision?.id == commit)
        #expect(history[0].revision?.author == "Ada Lovelace")
        #expect(history[0].revision?.subject == "Add guestbook")
        #expect(history[0].trigger == .poll)
        #expect(
            history[0].changeSet.lines == [
                "created ConfigMap/default/guestbook-config", "created Deployment/default/frontend",
                "created Service/default/frontend",
            ])
    }

    @Test func aSecondCommitConvergesWithTheRightChangeSet() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        await harness.reconcile()
        await harness.cluster.advance(by: .seconds(3))

        let second = try git.commit(
            [
                "apps/guestbook/frontend.yaml": GuestbookManifests.deployment(
                    "frontend", replicas: 4, image: "nginx:1.28")
                    + "\n---\n" + GuestbookManifests.service("frontend"),
                "apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: "bonjour"),
            ], message: "Scale frontend to 4, nginx 1.28, French greeting", author: "Grace Hopper",
            email: "grace@example.com")
        await harness.reconcile()

        let status = await harness.status
        #expect(status.sync.revision == second)
        #expect(status.sync.status == .synced)
        let deployment = try #require(try await harness.deployment("frontend"))
        #expect(deployment.value[path: ["spec", "replicas"]] == 4)
        #expect(
            deployment.value[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?["image"]
                == "nginx:1.28")
        #expect(
            try await harness.live("ConfigMap", "guestbook-config")?.value[path: ["data", "GREETING"]] == "bonjour")

        let history = try await harness.store.history(app: "guestbook")
        #expect(history.map { $0.revision?.id } == [second, first])
        #expect(history[0].revision?.author == "Grace Hopper")
        #expect(
            history[0].changeSet.lines == [
                "configured ConfigMap/default/guestbook-config", "configured Deployment/default/frontend",
                "unchanged Service/default/frontend",
            ])

        await harness.cluster.advance(by: .seconds(30))
        await harness.reconcile(.clusterChange)
        #expect(await harness.status.health.status == .healthy)
        let pods = try await harness.cluster.list(
            .init(group: "", version: "v1", kind: "Pod", plural: "pods"), namespace: "default")
        #expect(pods.count == 4)
    }

    @Test func aCommitThatChangesNothingUnderThePathIsRecordedAsUnchanged() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        await harness.reconcile()
        let writes = await harness.cluster.statistics.applyRequests
        let readmeOnly = try git.commit(["README.md": "docs only"], message: "Docs")
        await harness.reconcile()
        #expect(await harness.status.sync.revision == readmeOnly)
        #expect(await harness.cluster.statistics.applyRequests == writes)
        let history = try await harness.store.history(app: "guestbook")
        #expect(history.first?.changeSet.lines.allSatisfy { $0.hasPrefix("unchanged") } == true)
    }
}
