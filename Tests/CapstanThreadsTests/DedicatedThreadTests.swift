import CapstanThreads
import Foundation
import Testing

/// A blocking call runs on a thread of its own, so calls that block do not hold back Swift tasks.
@Suite struct DedicatedThreadTests {
    struct Refused: Error, Equatable {}

    @Test func theWorkRunsOnANewNamedThreadAndItsResultOrErrorComesBack() async throws {
        let name = ThreadNames.unique("cst-dt")
        #expect(await DedicatedThread.run(name) { ThreadNames.current } == name)
        #expect(await DedicatedThread.run(name) { 6 * 7 } == 42)
        await #expect(throws: Refused.self) {
            try await DedicatedThread.run(name) { () throws -> Int in throw Refused() }
        }
    }

    /// 300 calls blocked at once, released only by a task on the cooperative pool. On `DispatchQueue.global()`,
    /// which shares the pool's threads on Linux, this failed after 210 s on 2 cores (checked by swapping it in;
    /// even 64 calls had not all started after a minute).
    @Test func manyBlockedCallsDoNotStallTasks() async throws {
        let count = 300
        let blocked = Tally()
        let release = DispatchSemaphore(value: 0)
        let began = ContinuousClock.now
        let finished = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                group.addTask {
                    try await DedicatedThread.run("cst-blocked") {
                        blocked.enter()
                        defer { blocked.leave() }
                        guard release.wait(timeout: .now() + 120) == .success else { throw Refused() }
                        return index
                    }
                }
            }
            while blocked.running < count && ContinuousClock.now - began < .seconds(120) {
                try await Task.sleep(for: .milliseconds(5))
            }
            for _ in 0..<count { release.signal() }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(finished == Set(0..<count))
        #expect(blocked.mostAtOnce == count)
    }
}
