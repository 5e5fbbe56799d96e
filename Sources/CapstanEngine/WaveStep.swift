import CapstanModel

/// What a sync does next with its waves (`WavePlanner.step`).
public struct WaveStep: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        /// Apply these changes (one wave); prune too when no later wave has anything left to apply.
        case apply([PlannedChange], prune: Bool)
        /// A wave was applied and is not Healthy yet (Degraded when `degraded`): later waves wait.
        case wait(degraded: Bool)
        /// Every wave is applied and Healthy, and nothing is left to prune.
        case complete
    }

    public var action: Action
    /// Every wave of the revision, ascending.
    public var waves: [Int]
    /// The wave the action is about (the last wave when complete).
    public var wave: Int
    /// Resources of `wave` that are Healthy (or have no health), and how many it has.
    public var ready: Int
    public var total: Int

    public init(action: Action, waves: [Int], wave: Int, ready: Int, total: Int) {
        self.action = action
        self.waves = waves
        self.wave = wave
        self.ready = ready
        self.total = total
    }
}
