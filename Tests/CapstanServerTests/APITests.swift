import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@Suite(.serialized) struct APITests {
    @Test func theAppConvergesAndTheAPIDescribesIt() async throws {
        let git = try GitFixture()
        var files = GuestbookManifests.initial()
        files["apps/guestbook/secret.yaml"] = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            stringData:
              password: canary-6f1d2e9a
            """
        let commit = try git.commit(files, message: "Add guestbook")
        let server = try await ServerHarness.start(git: git)

        let health = try await server.json("GET", "/healthz")
        #expect(health["status"] == "ok")

        let app = try await server.waitForApp { $0[path: ["health", "status"]] == "Healthy" }
        #expect(app["name"] == "guestbook")
        #expect(app[path: ["source", "repo"]] == .string(git.url))
        #expect(app[path: ["source", "ref"]] == "main")
        #expect(app[path: ["source", "path"]] == "apps/guestbook")
        #expect(app[path: ["sync", "status"]] == "Synced")
        #expect(app[path: ["sync", "revision"]] == .string(commit))
        #expect(app[path: ["lastSync", "revision"]] == .string(commit))
        #expect(app[path: ["lastSync", "result"]] == "Succeeded")
        #expect(app[path: ["lastSync", "message"]] == "4 created")
        #expect(app[path: ["lastSync", "startedAt"]]?.stringValue != nil)
        #expect(app[path: ["lastSync", "finishedAt"]]?.stringValue != nil)
        let resources = app["resources"]?.arrayValue ?? []
        #expect(resources.count == 4)
        #expect(
            resources.contains {
                $0["kind"] == "Deployment" && $0["name"] == "frontend" && $0["namespace"] == "default"
                    && $0["health"] == "Healthy"
            })

        let list = try await server.json("GET", "/api/v1/apps")
        #expect(list["items"]?.arrayValue?.map { $0["name"] } == ["guestbook"])

        let pods = try await server.json("GET", "/api/v1/cluster/pods?namespace=default")
        #expect(pods["kind"] == "List")
        #expect(pods["items"]?.arrayValue?.count == 2)
        #expect(pods["items"]?.arrayValue?.allSatisfy { $0[path: ["status", "phase"]] == "Running" } == true)
        let deployments = try await server.json("GET", "/api/v1/cluster/deploy?namespace=default")
        #expect(deployments["items"]?.arrayValue?.first?[path: ["metadata", "name"]] == "frontend")

        // Secret values never leave the service.
        let secrets = try await server.request("GET", "/api/v1/cluster/secrets?namespace=default")
        #expect(!secrets.text.contains("canary-6f1d2e9a"))
        #expect(!secrets.text.contains(Data("canary-6f1d2e9a".utf8).base64EncodedString()))
        #expect(secrets.text.contains("<redacted, 15 bytes>"))
        await server.stop()
    }

    @Test func aManualSyncDeploysANewCommitAndHistoryListsBoth() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await ServerHarness.start(git: git)
        _ = try await server.waitForApp { $0[path: ["sync", "revision"]] == .string(first) }

        let second = try git.commit(
            ["apps/guestbook/frontend.yaml": GuestbookManifests.deployment("frontend", replicas: 4)],
            message: "Scale frontend to 4", author: "Grace Hopper", email: "grace@example.com")
        let synced = try await server.json("POST", "/api/v1/apps/guestbook/sync")
        #expect(synced[path: ["sync", "revision"]] == .string(second))
        #expect(synced[path: ["lastSync", "trigger"]] == "manual")

        let history = try await server.json("GET", "/api/v1/apps/guestbook/history")
        let items = history["items"]?.arrayValue ?? []
        #expect(items.map { $0[path: ["revision", "id"]] } == [.string(second), .string(first)])
        #expect(items.first?[path: ["revision", "author"]] == "Grace Hopper")
        #expect(items.first?[path: ["revision", "message"]] == "Scale frontend to 4\n")
        let entries = items.first?[path: ["changeSet", "entries"]]?.arrayValue ?? []
        // The Service was removed from the file: pruned.
        #expect(
            entries.contains {
                $0["action"] == "configured" && $0[path: ["subject", "name"]] == "frontend"
                    && $0[path: ["subject", "kind"]] == "Deployment"
            })
        #expect(entries.contains { $0["action"] == "deleted" && $0[path: ["subject", "kind"]] == "Service" })
        await server.stop()
    }

    @Test func badRequestsGetClearErrors() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await ServerHarness.start(git: git)

        let unknownApp = try await server.request("GET", "/api/v1/apps/nope")
        #expect(unknownApp.status == 404)
        #expect(try JSONParser.parse(unknownApp.body)["message"] == "app \"nope\" not found")
        let unknownSync = try await server.request("POST", "/api/v1/apps/nope/sync")
        #expect(unknownSync.status == 404)
        let unknownKind = try await server.request("GET", "/api/v1/cluster/widgets")
        #expect(unknownKind.status == 404)
        #expect(unknownKind.text.contains("widgets"))
        let badLimit = try await server.request("GET", "/api/v1/apps/guestbook/history?limit=lots")
        #expect(badLimit.status == 400)
        #expect((try await server.request("GET", "/healthz")).status == 200)
        await server.stop()
    }

    @Test func aRestartedServiceKeepsEverythingAndChangesNothing() async throws {
        let git = try GitFixture()
        let commit = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let first = try await ServerHarness.start(git: git)
        _ = try await first.waitForApp { $0[path: ["health", "status"]] == "Healthy" }
        let podsBefore = try await first.json("GET", "/api/v1/cluster/pods?namespace=default")
        let directory = first.stateDirectory
        try await first.stopping(keepState: true) {}

        let second = try await ServerHarness.start(git: git, stateDirectory: directory.path)
        // Wait for the first reconcile after the restart to have run.
        let app = try await second.waitForApp { $0["reconciledAt"] != nil }
        #expect(app[path: ["sync", "revision"]] == .string(commit))
        #expect(app[path: ["health", "status"]] == "Healthy")
        let history = try await second.json("GET", "/api/v1/apps/guestbook/history")
        #expect(history["items"]?.arrayValue?.count == 1)
        let podsAfter = try await second.json("GET", "/api/v1/cluster/pods?namespace=default")
        #expect(podsAfter["items"] == podsBefore["items"])
        #expect(await second.app.cluster.statistics.applyRequests == 0)
        await second.stop()
    }
}
