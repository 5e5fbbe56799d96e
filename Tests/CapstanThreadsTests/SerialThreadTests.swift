import CapstanThreads
import Foundation
import Testing

/// Jobs run on one thread, in the order given, one at a time; the thread ends with its owner.
@Suite struct SerialThreadTests {
    struct Refused: Error {}

    @Test func jobsRunInOrderOneAtATimeOnOneThread() async throws {
        let name = ThreadNames.unique("cst-st")
        let thread = SerialThread(name: name)
        let tally = Tally()
        // Submitted one after another from one task: they must run in that order.
        var names: Set<String> = []
        for index in 0..<50 {
            names.insert(
                try await thread.run {
                    tally.enter(index)
                    defer { tally.leave() }
                    return ThreadNames.current
                })
        }
        // Submitted from many tasks at once: never two at a time.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await thread.run {
                        tally.enter()
                        usleep(200)
                        tally.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(tally.order == Array(0..<50))
        #expect(names == [name])
        #expect(tally.mostAtOnce == 1)
    }

    @Test func anErrorReachesTheCallerAndLaterJobsStillRun() async throws {
        let thread = SerialThread(name: ThreadNames.unique("cst-st"))
        await #expect(throws: Refused.self) {
            try await thread.run { () throws -> Int in throw Refused() }
        }
        #expect(try await thread.run { "after" } == "after")
    }

    @Test func theThreadEndsOnceItsOwnerIsGone() async throws {
        let name = ThreadNames.unique("cst-st")
        var thread: SerialThread? = SerialThread(name: name)
        _ = try await thread?.run { 1 }
        #expect(ThreadNames.count(name) == 1)
        thread = nil
        var gone = false
        for _ in 0..<3000 where !gone {
            gone = ThreadNames.count(name) == 0
            if !gone { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(gone, "the thread outlived its owner")
    }
}
