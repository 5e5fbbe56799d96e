import CapstanGit
import Foundation
import Testing

/// Another push landing between our look at the branch and our update: over http, where git's receive-pack
/// runs the remote's hooks, a pre-receive hook moves the branch just before our update, as that push would.
@Suite struct RestoreCommitRaceTests {
    let fixture: GitFixture
    let server: SmartHTTPServer
    let repository: LibGit2Repository
    let url: String
    let good: String
    let bad: String

    init() throws {
        fixture = try GitFixture(name: "app")
        try fixture.write("apps/shop/deploy.yaml", "replicas: 1\n")
        good = try fixture.commit("Good")
        try fixture.write("apps/shop/deploy.yaml", "replicas: 0\n")
        bad = try fixture.commit("Bad")
        try fixture.push()
        server = try SmartHTTPServer(
            root: fixture.directory.path, username: "deployer", password: "correct-horse",
            directory: fixture.directory)
        url = "http://127.0.0.1:\(server.port)/app.git"
        repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials: .password(username: "deployer", password: "correct-horse"))
    }

    /// A hook line that lets the hook move refs: git forbids ref updates inside the push's object quarantine.
    static let leaveQuarantine = "unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES"

    @Test func pushThatLosesTheRaceIsRebuiltOnTheNewHead() async throws {
        // Their commit already sits on the remote (on a side branch); the hook puts it on main once.
        try fixture.write("config/theirs.yaml", "owner: them\n")
        let theirs = try fixture.commit("Their change")
        try fixture.push(branch: "side")
        let marker = fixture.directory.appending("raced")
        try fixture.installHook(
            "pre-receive",
            """
            #!/bin/sh
            [ -e '\(marker)' ] && exit 0
            touch '\(marker)'
            \(Self.leaveQuarantine)
            git update-ref refs/heads/main \(theirs)
            """)

        let result = try await repository.commitRestoringPath(.restoring("apps/shop", to: good))

        #expect(FileManager.default.fileExists(atPath: marker))
        #expect(result.parent == theirs)
        #expect(try fixture.remote("rev-parse", "main") == result.commit)
        #expect(try fixture.remote("rev-parse", "main^") == theirs)
        #expect(try fixture.remote("show", "main:config/theirs.yaml") == "owner: them")
        #expect(try fixture.remote("diff", good, "main", "--", "apps/shop") == "")
        #expect(repository.activity.pushes == 2)
        #expect(try await repository.resolve(ref: "main").id == result.commit)
    }

    @Test func branchThatKeepsMovingFailsRetryably() async throws {
        try fixture.installHook(
            "pre-receive",
            """
            #!/bin/sh
            \(Self.leaveQuarantine)
            export GIT_AUTHOR_NAME=Racer GIT_AUTHOR_EMAIL=racer@example.com
            export GIT_COMMITTER_NAME=Racer GIT_COMMITTER_EMAIL=racer@example.com
            new=$(git commit-tree -p refs/heads/main -m 'Racing push' 'refs/heads/main^{tree}') || exit 1
            git update-ref refs/heads/main "$new"
            """)

        let error = try await #require(throws: GitError.self) {
            try await repository.commitRestoringPath(.restoring("apps/shop", to: good))
        }

        #expect(error.kind == .branchMoved)
        #expect(error.isRetryable)
        #expect(error.operation == .push)
        #expect(error.ref == "main")
        #expect(
            error.message.hasPrefix(
                "push to \(url) was refused 2 times because branch main moved on the remote meanwhile"))
        #expect(error.message.hasSuffix("on branch main; retrying may help)"))
        #expect(try fixture.remote("log", "--format=%s", "main") == "Racing push\nRacing push\nBad\nGood")
        #expect(repository.activity.pushes == 2)
    }

    @Test func hookThatDeclinesIsNotRetried() async throws {
        try fixture.installHook("pre-receive", "#!/bin/sh\necho 'main is protected' >&2\nexit 1\n")

        let error = try await #require(throws: GitError.self) {
            try await repository.commitRestoringPath(.restoring("apps/shop", to: good))
        }

        #expect(error.kind == .pushRejected)
        #expect(!error.isRetryable)
        #expect(
            error.message
                == "\(url) refused to update branch main: pre-receive hook declined "
                + "(restoring apps/shop to \(good.prefix(12)) on branch main; retrying will not help)")
        #expect(try fixture.remote("rev-parse", "main") == bad)
        #expect(repository.activity.pushes == 1)
        // The refused commit is not taken for the branch head.
        #expect(try await repository.resolve(ref: "main").id == bad)
    }
}
