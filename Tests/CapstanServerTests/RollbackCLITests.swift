import CapstanConfig
import CapstanModel
import CapstanServer
import CapstanTestSupport
import Foundation
import Testing

/// `capstan rollback` through the real binary and service: a commit restoring the app's path is pushed to the
/// remote (visible with `git log` there) and deployed; `--pin` and `unpin` hold and release the app.
@Suite(.serialized) struct RollbackCLITests {
    static func commitAndWait(_ git: GitFixture, _ server: ServerHarness, replicas: Int) async throws -> String {
        let commit = try git.commit(
            [
                "apps/guestbook/frontend.yaml": GuestbookManifests.deployment("frontend", replicas: replicas)
                    + "\n---\n" + GuestbookManifests.service("frontend")
            ], message: "Frontend × \(replicas)")
        let sync = try await CapstanBinary.run([
            "sync", "guestbook", "--wait", "--timeout", "20s", "--server", server.baseURL,
        ])
        #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
        return commit
    }

    @Test(.timeLimit(.minutes(2))) func rollbackPushesARestoringCommitAndDeploysIt() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(replicas: 2), message: "Guestbook")
        let server = try await ServerHarness.start(git: git) { settings in
            settings.committer = GitCommitter(name: "Capstan Bot", email: "bot@capstan.test")
        }
        try await server.stopping { try await Self.rollback(git, server, first) }
    }

    static func rollback(_ git: GitFixture, _ server: ServerHarness, _ first: String) async throws {
        _ = try await server.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
        let second = try await Self.commitAndWait(git, server, replicas: 3)
        #expect(second != first)

        let rollback = try await CapstanBinary.run(["rollback", "guestbook", "--wait", "--server", server.baseURL])
        #expect(rollback.status == 0, "\(rollback.stdout)\(rollback.stderr)")
        #expect(rollback.stdout.contains("guestbook rolled back: deployed "), "\(rollback.stdout)")
        #expect(rollback.stdout.contains("guestbook is Healthy at "), "\(rollback.stdout)")

        // The remote has the rollback commit on top, by the configured committer, naming both revisions.
        let log = try git.output(["--git-dir", git.bare.path, "log", "-1", "--format=%H%n%cn <%ce>%n%s%n%b", "main"])
        let lines = log.split(separator: "\n").map(String.init)
        let head = try #require(lines.first)
        #expect(lines[1] == "Capstan Bot <bot@capstan.test>")
        #expect(lines[2] == "Roll back guestbook to \(first.prefix(7)) (from \(second.prefix(7)))")
        #expect(log.contains(first) && log.contains(second))
        let diff = try git.output(["--git-dir", git.bare.path, "diff", "--stat", first, head, "--", "apps/guestbook"])
        #expect(diff.isEmpty, "\(diff)")
        let parent = try git.output(["--git-dir", git.bare.path, "rev-parse", "\(head)^"])
        #expect(parent.trimmingCharacters(in: .whitespacesAndNewlines) == second)

        let app = try await server.json("GET", "/api/v1/apps/guestbook")
        #expect(app[path: ["sync", "revision"]] == .string(head))
        #expect(app[path: ["lastSync", "trigger"]] == "rollback")
        let deployment = try await server.json("GET", "/api/v1/cluster/deployments/default/frontend")
        #expect(deployment[path: ["spec", "replicas"]] == 2)
    }

    @Test(.timeLimit(.minutes(2))) func pinHoldsTheAppUntilUnpin() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(replicas: 2), message: "Guestbook")
        let server = try await ServerHarness.start(git: git)
        try await server.stopping { try await Self.pin(git, server, first) }
    }

    static func pin(_ git: GitFixture, _ server: ServerHarness, _ first: String) async throws {
        _ = try await server.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
        let second = try await Self.commitAndWait(git, server, replicas: 3)

        let pin = try await CapstanBinary.run(
            ["rollback", "guestbook", "--to", String(first.prefix(8)), "--pin", "--server", server.baseURL])
        #expect(pin.status == 0, "\(pin.stdout)\(pin.stderr)")
        #expect(pin.stdout == "guestbook pinned to \(first.prefix(7))\n")
        let apps = try await CapstanBinary.run(["apps", "--server", server.baseURL])
        #expect(apps.stdout.contains("OutOfSync"), "\(apps.stdout)")
        let detail = try await CapstanBinary.run(["app", "guestbook", "--server", server.baseURL])
        #expect(detail.stdout.contains("Pinned:     at \(first.prefix(7)) since "), "\(detail.stdout)")
        #expect(detail.stdout.contains("Rollout:    \(first.prefix(7)) "), "\(detail.stdout)")
        let app = try await server.json("GET", "/api/v1/apps/guestbook")
        #expect(app[path: ["sync", "reason"]] == "Pinned")
        #expect(app[path: ["pin", "revision"]] == .string(first))
        // The remote is untouched.
        let head = try git.output(["--git-dir", git.bare.path, "rev-parse", "main"])
        #expect(head.trimmingCharacters(in: .whitespacesAndNewlines) == second)

        let unpin = try await CapstanBinary.run(["unpin", "guestbook", "--server", server.baseURL])
        #expect(unpin.status == 0, "\(unpin.stderr)")
        #expect(unpin.stdout.hasPrefix("guestbook unpinned: at \(second.prefix(7))"), "\(unpin.stdout)")
        let again = try await CapstanBinary.run(["unpin", "guestbook", "--server", server.baseURL])
        #expect(again.status != 0)
        #expect(again.stderr.contains("app \"guestbook\" is not pinned"), "\(again.stderr)")
        let bad = try await CapstanBinary.run(["rollback", "guestbook", "--to", "zz12", "--server", server.baseURL])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--to: \"zz12\" is not a commit id"), "\(bad.stderr)")
        let unknown = try await CapstanBinary.run([
            "rollback", "guestbook", "--to", "abcdef12", "--server", server.baseURL,
        ])
        #expect(unknown.status != 0)
        #expect(
            unknown.stderr.contains("no synced revision of app guestbook starts with abcdef12"), "\(unknown.stderr)")
    }
}
