import CapstanGit
import Foundation
import Testing

/// A repository of 2,000 small files: one clone, then no-change polls that only list the remote (never fetch),
/// and every file (or one folder's) read back from the commit. Speed is measured by `make bench`, not here.
@Suite struct LargeRepositoryTests {
    static let fileCount = 2_000

    @Test func pollsOfAnUnchangedRepositoryListTheRemoteWithoutFetching() async throws {
        let fixture = try GitFixture()
        for index in 0..<Self.fileCount {
            let folder = "apps/app-\(index / 100)"
            let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-\(index)\ndata:\n  k: \"\(index)\"\n"
            try fixture.write("\(folder)/resource-\(index).yaml", yaml)
        }
        let commit = try fixture.commit("2,000 files")
        try fixture.push()
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)

        #expect(try await repository.resolve(ref: "main").id == commit)
        for _ in 0..<30 {
            #expect(try await repository.resolve(ref: "main").id == commit)
        }
        let files = try await repository.files(at: commit, under: "")
        #expect(files.count == Self.fileCount)
        let subtree = try await repository.files(at: commit, under: "apps/app-7")
        #expect(subtree.count == 100)
        #expect(subtree.allSatisfy { $0.path.hasPrefix("apps/app-7/") })
        #expect(repository.activity == RepositoryActivity(clones: 1, fetches: 0, remoteListings: 31, cacheResets: 0))
    }
}
