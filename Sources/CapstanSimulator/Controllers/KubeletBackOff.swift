import Foundation

/// The back-off the kubelet applies to container restarts (CrashLoopBackOff) and to image pulls
/// (ImagePullBackOff): client-go's `flowcontrol.Backoff` with the kubelet's numbers, without jitter.
///
/// Each retry doubles the delay from 10 s up to 300 s. An entry is forgotten (the next delay is 10 s again)
/// when the event that needs it comes more than 2 × 300 s = 10 minutes after the entry's last update.
enum KubeletBackOff {
    static let initial: TimeInterval = 10
    static let maximum: TimeInterval = 300
    /// `2 × maximum`: after this long without an update the back-off starts again from `initial`.
    static let expiry: TimeInterval = 600
    /// How often the kubelet re-syncs a pod whose last sync failed (`backOffPeriod`, here without jitter).
    static let resyncAfterError: TimeInterval = 10

    /// `Backoff.Next`: the delay after one more failure, given the current delay and its last update.
    static func next(current: TimeInterval?, lastUpdate: Date?, eventTime: Date) -> TimeInterval {
        guard let current, let lastUpdate, !hasExpired(eventTime: eventTime, lastUpdate: lastUpdate) else {
            return initial
        }
        return min(current * 2, maximum)
    }

    /// True when `eventTime` comes more than `expiry` after `lastUpdate` (compared in milliseconds).
    static func hasExpired(eventTime: Date, lastUpdate: Date) -> Bool {
        SimulatedTime.milliseconds(eventTime) - SimulatedTime.milliseconds(lastUpdate) > Int64(expiry * 1000)
    }
}
