import CapstanCluster
import CapstanCore
import CapstanModel
import CapstanTestSupport
import Testing

/// `capstan.io/revision`: each object applied carries the commit it was applied from. The stamp is added at apply
/// time only, so it never makes an object differ from git: a commit that changes nothing applies nothing, and a
/// commit that changes one object re-applies (and re-stamps) only that one.
@Suite struct RevisionStampTests {
    static func stamps(_ harness: CoreHarness) async throws -> [String: String] {
        var stamps: [String: String] = [:]
        for (kind, name, group) in [
            ("Deployment", "frontend", "apps"), ("Service", "frontend", ""), ("ConfigMap", "guestbook-config", ""),
        ] {
            let object = try await harness.live(kind, name, group: group)
            stamps[kind] = object?.annotations["capstan.io/revision"]
            #expect(object?.annotations["capstan.io/app"] == "guestbook")
        }
        return stamps
    }

    @Test func theStampIsTheCommitThatLastChangedEachObject() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        await harness.reconcile()
        await harness.cluster.advance(by: .seconds(10))
        await harness.reconcile()
        #expect(try await Self.stamps(harness) == ["Deployment": first, "Service": first, "ConfigMap": first])

        // Nothing changed: nothing applied, nothing re-stamped.
        let applies = await harness.cluster.statistics.applyRequests
        await harness.reconcile()
        #expect(await harness.cluster.statistics.applyRequests == applies)

        // A commit that leaves the app's manifests as they are is synced without applying anything.
        let second = try git.commit(["README.md": "still not a manifest"], message: "Docs")
        await harness.reconcile()
        #expect(await harness.status.sync.revision == second)
        #expect(await harness.cluster.statistics.applyRequests == applies)
        #expect(try await Self.stamps(harness) == ["Deployment": first, "Service": first, "ConfigMap": first])

        // A commit that changes the Deployment re-applies only the Deployment.
        let third = try git.commit(
            [
                "apps/guestbook/frontend.yaml": GuestbookManifests.deployment("frontend", replicas: 3) + "\n---\n"
                    + GuestbookManifests.service("frontend")
            ], message: "Three replicas")
        await harness.reconcile()
        #expect(await harness.cluster.statistics.applyRequests == applies + 1)
        #expect(try await Self.stamps(harness) == ["Deployment": third, "Service": first, "ConfigMap": first])
        let history = try await harness.store.history(app: "guestbook")
        #expect(history[0].changeSet.subjects(.configured).map(\.description) == ["Deployment/default/frontend"])
        // The Deployment's current ReplicaSet carries the stamp too (the template did not change: same one).
        let replicaSets = try await harness.cluster.list(ResourceTypes.replicaSet, namespace: "default")
        #expect(replicaSets.map { $0.annotations["capstan.io/revision"] } == [third])

        // And the stamp does not count as a difference from git: the next reconcile is a no-op again.
        await harness.cluster.advance(by: .seconds(10))
        await harness.reconcile()
        await harness.reconcile()
        #expect(await harness.cluster.statistics.applyRequests == applies + 1)
        #expect(await harness.status.sync.status == .synced)
    }
}
