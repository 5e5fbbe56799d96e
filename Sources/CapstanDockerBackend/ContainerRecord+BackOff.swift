import Foundation

/// The kubelet's restart back-off for one container: the first restart at once, then 10 s doubling to 5 min;
/// a container that ran `resetAfter` (10 minutes) before it stopped starts over at once.
extension ContainerRecord {
    /// When the container that ran from `started` to `finished` restarts.
    mutating func restartTime(started: Date?, finished: Date, resetAfter: TimeInterval) -> Date {
        if let started, finished.timeIntervalSince(started) >= resetAfter {
            inBackOff = false
            backOffSeconds = Self.initialBackOffSeconds
        }
        return finished.addingTimeInterval(inBackOff ? backOffSeconds : 0)
    }

    /// Counts a restart; the next one waits (twice as long as this one did).
    mutating func restarted() {
        if inBackOff { backOffSeconds = min(backOffSeconds * 2, Self.maxBackOffSeconds) }
        inBackOff = true
        restartCount += 1
    }
}
