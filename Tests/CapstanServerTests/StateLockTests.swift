import CapstanTestSupport
import Foundation
import Testing

/// One service per state directory: a second one on the same directory refuses to start, naming it, and starts
/// once the first has stopped.
@Suite(.serialized) struct StateLockTests {
    @Test(.timeLimit(.minutes(1))) func aSecondServiceOnTheSameStateRefusesToStart() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Guestbook")
        let first = try await ServerHarness.start(git: git)
        let directory = first.stateDirectory.path
        try await first.stopping(keepState: true) {
            let error = await #expect(throws: (any Error).self) {
                _ = try await ServerHarness.start(git: git, stateDirectory: directory, waitForLock: false)
            }
            #expect("\(error.map { "\($0)" } ?? "")".contains("another capstan serve is running on \(directory)"))
        }
        let second = try await ServerHarness.start(git: git, stateDirectory: directory)
        await second.stop()
    }
}
