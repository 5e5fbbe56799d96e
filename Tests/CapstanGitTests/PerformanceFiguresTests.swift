import CapstanGit
import Foundation
import Testing

/// The figures the service depends on, with a repository of 2,000 small files: cold clone,
/// no-change `resolve` (the poll path) and reading all 2,000 files. Printed; bounds are loose on purpose.
@Suite struct PerformanceFiguresTests {
    static let fileCount = 2_000

    @Test func twoThousandFiles() async throws {
        let fixture = try GitFixture()
        for index in 0..<Self.fileCount {
            let folder = "apps/app-\(index / 100)"
            let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-\(index)\ndata:\n  k: \"\(index)\"\n"
            try fixture.write("\(folder)/resource-\(index).yaml", yaml)
        }
        let commit = try fixture.commit("2,000 files")
        try fixture.push()
        let clock = ContinuousClock()
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)

        var start = clock.now
        #expect(try await repository.resolve(ref: "main").id == commit)
        let clone = clock.now - start

        var noChange: [Duration] = []
        for _ in 0..<30 {
            start = clock.now
            _ = try await repository.resolve(ref: "main")
            noChange.append(clock.now - start)
        }
        var reads: [Duration] = []
        for _ in 0..<5 {
            start = clock.now
            let files = try await repository.files(at: commit, under: "")
            reads.append(clock.now - start)
            #expect(files.count == Self.fileCount)
        }
        start = clock.now
        let subtreeFiles = try await repository.files(at: commit, under: "apps/app-7")
        let subtree = clock.now - start
        #expect(subtreeFiles.count == 100)

        #expect(repository.activity == RepositoryActivity(clones: 1, fetches: 0, remoteListings: 31, cacheResets: 0))
        print(
            """
            capstan-git figures (\(Self.fileCount) files, file:// remote):
              cold clone + resolve:          \(Self.ms(clone))
              no-change resolve (median/30): \(Self.ms(Self.median(noChange)))  max \(Self.ms(noChange.max()!))
              files(at:under:"") median/5:   \(Self.ms(Self.median(reads)))
              files(at:under:) 100 files:    \(Self.ms(subtree))
            """)
        #expect(Self.median(noChange) < .milliseconds(250))
    }

    private static func median(_ values: [Duration]) -> Duration {
        values.sorted()[values.count / 2]
    }

    private static func ms(_ duration: Duration) -> String {
        let milliseconds =
            Double(duration.components.seconds) * 1_000
            + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.2f ms", milliseconds)
    }
}
