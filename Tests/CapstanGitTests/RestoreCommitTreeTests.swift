import CapstanGit
import Foundation
import Testing

/// How the restored tree is built: nested paths rebuild each parent and keep siblings, a path the target lacks
/// is removed (with directories it leaves empty), a path the head lacks is created, the root restores everything.
@Suite struct RestoreCommitTreeTests {
    let fixture: GitFixture
    let repository: LibGit2Repository

    init() throws {
        fixture = try GitFixture()
        repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
    }

    @Test func nestedPathKeepsEverySibling() async throws {
        try fixture.write("apps/shop/deploy.yaml", "replicas: 1\n")
        try fixture.write("apps/shop/db/statefulset.yaml", "replicas: 1\n")
        try fixture.write("apps/cart/deploy.yaml", "replicas: 1\n")
        try fixture.write("apps/README.md", "apps v1\n")
        try fixture.write("root.txt", "v1\n")
        let first = try fixture.commit("First")
        try fixture.write("apps/shop/deploy.yaml", "replicas: 2\n")
        try fixture.write("apps/shop/db/statefulset.yaml", "replicas: 3\n")
        try fixture.write("apps/shop/db/extra.yaml", "kind: Service\n")
        try fixture.write("apps/cart/deploy.yaml", "replicas: 2\n")
        try fixture.write("apps/README.md", "apps v2\n")
        try fixture.write("root.txt", "v2\n")
        let second = try fixture.commit("Second")
        try fixture.push()

        let result = try await repository.commitRestoringPath(.restoring("apps/shop/", to: first))

        #expect(
            try fixture.remote("rev-parse", "\(result.commit):apps/shop")
                == fixture.remote("rev-parse", "\(first):apps/shop"))
        for sibling in ["apps/cart", "apps/README.md", "root.txt"] {
            #expect(
                try fixture.remote("rev-parse", "\(result.commit):\(sibling)")
                    == fixture.remote("rev-parse", "\(second):\(sibling)"))
        }
        #expect(
            try fixture.remote("diff", "--name-status", second, result.commit)
                == "D\tapps/shop/db/extra.yaml\nM\tapps/shop/db/statefulset.yaml\nM\tapps/shop/deploy.yaml")
    }

    @Test func pathMissingFromTheTargetIsRemovedWithItsEmptyParents() async throws {
        try fixture.write("base.yaml", "kind: Namespace\n")
        let before = try fixture.commit("Before the app")
        try fixture.write("teams/blue/shop/deploy.yaml", "replicas: 1\n")
        try fixture.write("teams/blue/shop/svc.yaml", "port: 80\n")
        try fixture.write("teams/red/cart.yaml", "replicas: 1\n")
        try fixture.commit("Add shop and cart")
        try fixture.push()

        let result = try await repository.commitRestoringPath(.restoring("teams/blue/shop", to: before))

        #expect(!result.unchanged)
        #expect(try fixture.remote("ls-tree", "-r", "--name-only", result.commit) == "base.yaml\nteams/red/cart.yaml")
        try fixture.remote("fsck", "--strict", "--no-dangling")
    }

    @Test func pathMissingFromTheHeadIsCreated() async throws {
        try fixture.write("apps/shop/deploy.yaml", "replicas: 1\n")
        try fixture.write("other.yaml", "kind: ConfigMap\n")
        let withShop = try fixture.commit("With shop")
        try fixture.remove("apps/shop/deploy.yaml")
        try fixture.commit("Shop deleted")
        try fixture.push()

        let result = try await repository.commitRestoringPath(.restoring("apps/shop", to: withShop))

        #expect(
            try fixture.remote("ls-tree", "-r", "--name-only", result.commit) == "apps/shop/deploy.yaml\nother.yaml")
        #expect(try fixture.remote("show", "\(result.commit):apps/shop/deploy.yaml") == "replicas: 1")
    }

    @Test func singleFileAndModeAreRestored() async throws {
        try fixture.write("bin/run.sh", "#!/bin/sh\necho v1\n")
        try setMode(0o755, "bin/run.sh")
        try fixture.write("bin/keep.txt", "v1\n")
        let first = try fixture.commit("First")
        try setMode(0o644, "bin/run.sh")
        try fixture.write("bin/run.sh", "#!/bin/sh\necho v2\n")
        try fixture.write("bin/keep.txt", "v2\n")
        try fixture.commit("Second")
        try fixture.push()

        let result = try await repository.commitRestoringPath(.restoring("bin/run.sh", to: first))

        #expect(try fixture.remote("ls-tree", result.commit, "bin/run.sh").hasPrefix("100755 blob"))
        #expect(try fixture.remote("show", "\(result.commit):bin/run.sh") == "#!/bin/sh\necho v1")
        #expect(try fixture.remote("show", "\(result.commit):bin/keep.txt") == "v2")
    }

    @Test(arguments: ["", ".", "./"])
    func rootRestoresTheWholeTree(root: String) async throws {
        try fixture.write("a.yaml", "v: 1\n")
        let first = try fixture.commit("First")
        try fixture.write("a.yaml", "v: 2\n")
        try fixture.write("dir/b.yaml", "v: 2\n")
        let second = try fixture.commit("Second")
        try fixture.push()

        let result = try await repository.commitRestoringPath(.restoring(root, to: first))

        #expect(result.parent == second)
        #expect(
            try fixture.remote("rev-parse", "\(result.commit)^{tree}") == fixture.remote("rev-parse", "\(first)^{tree}")
        )
        #expect(try fixture.remote("rev-parse", "main^") == second)
    }

    @Test func targetOnAnotherBranchIsAllowed() async throws {
        try fixture.write("apps/shop/deploy.yaml", "replicas: 1\n")
        try fixture.commit("Main")
        try fixture.push()
        try fixture.git("checkout", "--quiet", "-b", "experiment")
        try fixture.write("apps/shop/deploy.yaml", "replicas: 9\n")
        let elsewhere = try fixture.commit("Experiment")
        try fixture.push(branch: "experiment")
        #expect(try await repository.resolve(ref: "main").id != elsewhere)

        let result = try await repository.commitRestoringPath(.restoring("apps/shop", to: elsewhere))

        #expect(try fixture.remote("show", "main:apps/shop/deploy.yaml") == "replicas: 9")
        #expect(try fixture.remote("rev-parse", "main") == result.commit)
        #expect(try fixture.remote("rev-parse", "experiment") == elsewhere)
    }

    private func setMode(_ mode: Int, _ path: String) throws {
        let full = (fixture.workPath as NSString).appendingPathComponent(path)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
    }
}
