import CapstanGit
import Testing

/// One repository object serves many tasks at once: calls queue up on its own serial queue.
@Suite struct ConcurrencyTests {
    @Test func manyTasksShareOneRepository() async throws {
        let fixture = try GitFixture()
        for index in 0..<20 { try fixture.write("apps/file-\(index).yaml", "index: \(index)\n") }
        let commit = try fixture.commit("Twenty files")
        try fixture.push()
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)

        let results = try await withThrowingTaskGroup(of: (String, Int).self) { group in
            for _ in 0..<24 {
                group.addTask {
                    let revision = try await repository.resolve(ref: "main")
                    let files = try await repository.files(at: revision.id, under: "apps")
                    return (revision.id, files.count)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        #expect(results.count == 24)
        #expect(results.allSatisfy { $0 == (commit, 20) })
        #expect(repository.activity.clones == 1)
        #expect(repository.activity.fetches == 0)
    }

    @Test func separateRepositoriesWorkSideBySide() async throws {
        let fixtures = try (0..<4).map { _ in try GitFixture() }
        let commits = try fixtures.map { fixture in
            let commit = try fixture.commit("Only commit")
            try fixture.push()
            return commit
        }
        let resolved = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, fixture) in fixtures.enumerated() {
                group.addTask {
                    let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
                    return (index, try await repository.resolve(ref: "main").id)
                }
            }
            return try await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        #expect((0..<4).map { resolved[$0] } == commits)
    }
}
