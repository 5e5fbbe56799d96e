import CapstanGit
import Foundation
import Testing

/// A rollback commit over `file://`: the app's path goes back to an older commit, everything else stays at the
/// head, and the commit lands on the remote's branch on top of the head, where the next resolve finds it.
@Suite struct RestoreCommitTests {
    let fixture: GitFixture
    let repository: LibGit2Repository
    let good: String
    let bad: String

    init() throws {
        fixture = try GitFixture()
        try fixture.write("apps/shop/deployment.yaml", "replicas: 1\n")
        try fixture.write("apps/shop/service.yaml", "port: 80\n")
        try fixture.write("apps/shop/old.yaml", "kind: ConfigMap\n")
        try fixture.write("config/outside.yaml", "level: a\n")
        good = try fixture.commit("Good")
        try fixture.push()
        try fixture.write("apps/shop/deployment.yaml", "replicas: 5\n")
        try fixture.write("apps/shop/new.yaml", "kind: Secret\n")
        try fixture.remove("apps/shop/old.yaml")
        try fixture.write("config/outside.yaml", "level: b\n")
        bad = try fixture.commit("Bad")
        try fixture.push()
        repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
    }

    @Test func restoresThePathOnTopOfTheHeadAndPushesIt() async throws {
        let message = "Roll back shop to \(good.prefix(7))\n\nThe running revision was \(bad.prefix(7))."
        let result = try await repository.commitRestoringPath(.restoring("apps/shop", to: good, message: message))

        #expect(!result.unchanged)
        #expect(result.parent == bad)
        #expect(try fixture.remote("rev-parse", "main") == result.commit)
        #expect(try fixture.remote("log", "--format=%H", "main") == [result.commit, bad, good].joined(separator: "\n"))
        #expect(try fixture.remote("log", "-1", "--format=%B", "main") == message)
        #expect(
            try fixture.remote("log", "-1", "--format=%an <%ae>|%cn <%ce>", "main")
                == "Capstan <capstan@example.com>|Capstan <capstan@example.com>")
        #expect(try fixture.remote("diff", good, result.commit, "--", "apps/shop") == "")
        #expect(try fixture.remote("diff", bad, result.commit, "--", "config") == "")
        #expect(try fixture.remote("show", "\(result.commit):config/outside.yaml") == "level: b")
        #expect(
            try fixture.remote("diff", "--name-status", bad, result.commit)
                == "M\tapps/shop/deployment.yaml\nD\tapps/shop/new.yaml\nA\tapps/shop/old.yaml")
        try fixture.remote("fsck", "--strict", "--no-dangling")
        #expect(repository.activity.pushes == 1)
    }

    @Test func nextResolveSeesThePushedCommitWithoutDownloading() async throws {
        #expect(try await repository.resolve(ref: "main").id == bad)
        let result = try await repository.commitRestoringPath(.restoring("apps/shop", to: good))
        let fetches = repository.activity.fetches

        #expect(try await repository.resolve(ref: "main").id == result.commit)
        #expect(repository.activity.fetches == fetches)
        // The cache holds the remote-tracking branch at the pushed commit, and no scratch refs.
        #expect(
            try fixture.git("--git-dir", repository.cachePath, "for-each-ref", "--format=%(refname) %(objectname)")
                == "refs/remotes/origin/main \(result.commit)")
        let restored = try await repository.files(at: result.commit, under: "apps/shop")
        #expect(restored == (try await repository.files(at: good, under: "apps/shop")))

        // Users keep committing on top of the rollback; the cache follows as usual.
        try fixture.pullMain()
        try fixture.write("apps/shop/deployment.yaml", "replicas: 2\n")
        let next = try fixture.commit("Fix forward")
        try fixture.push()
        #expect(try await repository.resolve(ref: "main").id == next)
        let fresh = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.directory.appending("fresh"))
        #expect(try await fresh.resolve(ref: "main").id == next)
    }

    @Test func branchGivenAsFullRefNameWorksToo() async throws {
        let result = try await repository.commitRestoringPath(
            .restoring("apps/shop", to: good, branch: "refs/heads/main"))
        #expect(try fixture.remote("rev-parse", "main") == result.commit)
    }

    @Test func restoringTheHeadItselfChangesNothing() async throws {
        let result = try await repository.commitRestoringPath(.restoring("apps/shop", to: bad))
        #expect(result == RestoreCommitResult(commit: bad, parent: bad, unchanged: true))
        #expect(try fixture.remote("rev-parse", "main") == bad)
        #expect(repository.activity.pushes == 0)
    }

    @Test func pathThatOnlyChangedOutsideIsUnchanged() async throws {
        try fixture.write("config/outside.yaml", "level: c\n")
        let outsideOnly = try fixture.commit("Outside only")
        try fixture.push()
        // At `bad` the app is as at the head: only config/ moved since.
        let result = try await repository.commitRestoringPath(.restoring("apps/shop", to: bad))
        #expect(result == RestoreCommitResult(commit: outsideOnly, parent: outsideOnly, unchanged: true))
        #expect(repository.activity.pushes == 0)
    }

    @Test func staleCacheBuildsOnTheNewerHead() async throws {
        #expect(try await repository.resolve(ref: "main").id == bad)
        // Someone pushes after Capstan last looked: the rollback goes on top of their commit and keeps it.
        try fixture.write("config/other.yaml", "owner: someone\n")
        let theirs = try fixture.commit("Their change")
        try fixture.push()

        let result = try await repository.commitRestoringPath(.restoring("apps/shop", to: good))
        #expect(result.parent == theirs)
        #expect(try fixture.remote("rev-parse", "main^") == theirs)
        #expect(try fixture.remote("show", "main:config/other.yaml") == "owner: someone")
        #expect(try fixture.remote("diff", good, "main", "--", "apps/shop") == "")
        #expect(repository.activity.pushes == 1)
    }
}
