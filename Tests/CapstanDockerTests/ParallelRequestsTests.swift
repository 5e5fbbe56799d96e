import CapstanDocker
import Testing

/// Many calls at once share a small pool of connections and all succeed.
struct ParallelRequestsTests {
    @Test func twentyParallelInspectsSucceed() async throws {
        try await withDockerScope(maxConnections: 4) { scope in
            let id = try await scope.run("parallel")
            let engine = scope.engine
            let start = ContinuousClock.now
            let states = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await engine.inspectContainer(id).state.status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(states == Array(repeating: "running", count: 20))
            print("20 parallel inspects over at most 4 connections: \(start.duration(to: .now))")
        }
    }
}
