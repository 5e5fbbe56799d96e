import Foundation

extension Process {
    /// Waits until the process exits or `limit` passes, polling without blocking a thread;
    /// true if it exited.
    func waitForExit(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return !isRunning
    }
}
