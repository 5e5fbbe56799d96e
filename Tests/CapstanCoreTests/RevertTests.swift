import CapstanCore
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// A `git revert` pushed by the user is a new commit like any other: it restores the previous state exactly,
/// pruning what the reverted commit added and restoring what it removed.
@Suite struct RevertTests {
    @Test(.timeLimit(.minutes(1))) func aRevertCommitRestoresThePreviousStateExactly() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(replicas: 2), message: "Guestbook")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        await harness.reconcile()
        let before = try #require(try await harness.deployment("frontend"))

        try git.commit(
            [
                "apps/guestbook/frontend.yaml": GuestbookManifests.deployment(
                    "frontend", replicas: 4, image: "nginx:1.28")
                    + "\n---\n" + GuestbookManifests.service("frontend"),
                "apps/guestbook/config.yaml": nil,
                "apps/guestbook/extra.yaml": GuestbookManifests.service("extra"),
            ], message: "Scale, drop the config, add a service")
        await harness.reconcile()
        #expect(try await harness.live("ConfigMap", "guestbook-config") == nil)
        #expect(try await harness.live("Service", "extra") != nil)

        let identity = [
            "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com",
            "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.com",
        ]
        _ = try git.git(["revert", "--no-edit", "HEAD"], environment: identity)
        _ = try git.git(["push", "-q", "origin", "HEAD:main"])
        let revert = try git.output(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        await harness.reconcile()
        let status = await harness.status
        #expect(status.sync.revision == revert)
        #expect(try await harness.live("Service", "extra") == nil)
        let config = try #require(try await harness.live("ConfigMap", "guestbook-config"))
        #expect(config.value["data"] == ["GREETING": "hello"])
        let after = try #require(try await harness.deployment("frontend"))
        #expect(after.spec?["replicas"] == before.spec?["replicas"])
        #expect(
            after.value[path: ["spec", "template", "spec", "containers"]]
                == before.value[path: ["spec", "template", "spec", "containers"]])
        let record = try #require(try await harness.store.history(app: "guestbook").first)
        #expect(
            record.changeSet.lines.filter { !$0.hasPrefix("unchanged") } == [
                "configured Deployment/default/frontend", "created ConfigMap/default/guestbook-config",
                "deleted Service/default/extra",
            ])
    }
}
