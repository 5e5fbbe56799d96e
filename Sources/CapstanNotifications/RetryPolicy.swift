import CapstanModel

/// When to try a failed delivery again: exponential backoff with jitter, a cap, and a limit on attempts.
public struct RetryPolicy: Sendable, Hashable {
    /// The delay after the first failed attempt.
    public var initialDelay: Duration
    /// No delay is longer than this.
    public var maximumDelay: Duration
    /// After this many failed attempts the row is marked dead.
    public var maxAttempts: Int
    /// Each delay is shortened by a random fraction up to this (0 = no jitter), so receivers that come
    /// back are not hit by every queued retry at once.
    public var jitter: Double

    /// 1 s doubling to 5 min, 20 attempts (about an hour in all), 20 % jitter.
    public init(
        initialDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(300), maxAttempts: Int = 20,
        jitter: Double = 0.2
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maxAttempts = max(1, maxAttempts)
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before attempt `attempt + 1`, after `attempt` (≥ 1) failed attempts.
    public func delay(afterAttempt attempt: Int) -> Duration {
        let exponent = Double(min(max(attempt - 1, 0), 40))
        let raw = min(initialDelay.seconds * pow2(exponent), maximumDelay.seconds)
        let factor = jitter > 0 ? Double.random(in: (1 - jitter)...1) : 1
        return .milliseconds(Int64((raw * factor * 1000).rounded()))
    }

    private func pow2(_ exponent: Double) -> Double {
        Double(sign: .plus, exponent: Int(exponent), significand: 1)
    }
}
