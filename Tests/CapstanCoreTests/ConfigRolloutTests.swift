import CapstanCluster
import CapstanCore
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// A commit that changes only a ConfigMap the frontend reads rolls the frontend out (a new ReplicaSet), as
/// users of Helm's checksum annotations and Reloader expect.
@Suite struct ConfigRolloutTests {
    static func frontend() -> String {
        GuestbookManifests.deployment("frontend", replicas: 2).replacingOccurrences(
            of: "          ports:\n",
            with: "          envFrom:\n            - configMapRef: {name: guestbook-config}\n          ports:\n")
    }

    @Test(.timeLimit(.minutes(1))) func changingAReferencedConfigMapRollsTheDeploymentOut() async throws {
        let git = try GitFixture()
        try git.commit(
            [
                "apps/guestbook/frontend.yaml": Self.frontend(),
                "apps/guestbook/config.yaml": GuestbookManifests.configMap(),
            ],
            message: "Frontend reads its config")
        let harness = try await CoreHarness.make(git: git, checksumKey: Array("test checksum key".utf8))
        defer { harness.cleanUp() }
        await harness.reconcile()
        let annotation = { () async throws -> String? in
            try await harness.deployment("frontend")?.value[
                path: ["spec", "template", "metadata", "annotations", "capstan.io/config-checksum"]]?.stringValue
        }
        let before = try #require(try await annotation())
        let generation = try await harness.deployment("frontend")?.value[path: ["metadata", "generation"]]

        try git.commit(
            ["apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: "bonjour")], message: "Greeting")
        await harness.reconcile()
        let after = try #require(try await annotation())
        #expect(after != before)
        #expect(try await harness.deployment("frontend")?.value[path: ["metadata", "generation"]] != generation)
        let history = try #require(try await harness.store.history(app: "guestbook").first)
        #expect(history.changeSet.lines.contains("configured Deployment/default/frontend"))
        #expect(history.changeSet.lines.contains("configured ConfigMap/default/guestbook-config"))
        let replicaSets = try await harness.cluster.list(ResourceTypes.replicaSet, namespace: "default")
        #expect(replicaSets.count == 2)
    }
}
