/// Runs `body`, failing with `TestFailure` if it takes longer than `seconds`.
func withDeadline<T: Sendable>(
    _ seconds: Double, _ what: String, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw TestFailure("timed out after \(seconds) s waiting for \(what)")
        }
        return value
    }
}

/// Polls `condition` every 20 ms until it holds, failing with `TestFailure` after `seconds`.
func waitUntil(_ seconds: Double, _ what: String, _ condition: () async -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    if await condition() { return }
    throw TestFailure("timed out after \(seconds) s waiting for \(what)")
}
