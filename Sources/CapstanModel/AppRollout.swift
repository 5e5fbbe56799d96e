import Foundation

/// The rollout of one revision: its waves applied one after another, each Healthy before the next, until the
/// app is Healthy (or Degraded). Kept in the app's status so a restart continues it.
public struct AppRollout: Sendable, Hashable, Codable {
    public var revision: String
    public var trigger: SyncTrigger
    /// The history entry the rollout's outcome is written to.
    public var historyID: Int64
    public var state: RolloutState
    public var startedAt: Date
    public var finishedAt: Date?
    /// The revision's sync waves, ascending, and the one being rolled out (or waited on) now.
    public var waves: [Int]
    public var wave: Int
    /// Resources of the current wave that are Healthy, and how many the wave has.
    public var ready: Int
    public var total: Int
    public var message: String?

    public init(
        revision: String, trigger: SyncTrigger, historyID: Int64, state: RolloutState = .progressing,
        startedAt: Date, finishedAt: Date? = nil, waves: [Int] = [0], wave: Int = 0, ready: Int = 0, total: Int = 0,
        message: String? = nil
    ) {
        self.revision = revision
        self.trigger = trigger
        self.historyID = historyID
        self.state = state
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.waves = waves
        self.wave = wave
        self.ready = ready
        self.total = total
        self.message = message
    }

    public var isFinished: Bool { state != .progressing }
}

/// Where a rollout stands.
public enum RolloutState: String, Sendable, Hashable, Codable, CaseIterable {
    case progressing = "Progressing"
    case healthy = "Healthy"
    case degraded = "Degraded"
}
