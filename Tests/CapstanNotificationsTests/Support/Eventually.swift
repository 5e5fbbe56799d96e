/// Polls `condition` every 20 ms until it holds or `limit` passes; true if it held. The default is generous:
/// the whole suite runs at once on CI's two cores, where a retry loop of a few hundred milliseconds can wait
/// tens of seconds for a thread, and a condition that holds returns at once anyway.
func eventually(within limit: Duration = .seconds(60), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
