/// Why a bounded wait gave up.
struct TimedOut: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "gave up after \(limit)" }
}

/// Runs `body`, failing with `TimedOut` when it takes longer than `limit` (the body is cancelled).
func withTimeout<T: Sendable>(
    _ limit: Duration, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TimedOut(limit: limit) }
        return value
    }
}
