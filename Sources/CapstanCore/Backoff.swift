/// Exponential backoff with jitter for retryable failures: 1 s, 2 s, 4 s … up to a cap.
public struct Backoff: Sendable {
    public var base: Duration
    public var cap: Duration
    private(set) var failures = 0

    public init(base: Duration = .seconds(1), cap: Duration = .seconds(300)) {
        self.base = base
        self.cap = cap
    }

    /// The delay before the next attempt after one more failure.
    public mutating func next<R: RandomNumberGenerator>(using random: inout R) -> Duration {
        failures += 1
        let exponent = min(failures - 1, 30)
        let raw = min(base.seconds * Double(1 << exponent), cap.seconds)
        let jittered = raw * Double.random(in: 0.8...1.0, using: &random)
        return .milliseconds(Int64(jittered * 1000))
    }

    public mutating func reset() { failures = 0 }
}

extension Duration {
    /// This duration spread by ±`fraction`, so many apps polling at one interval do not move in lockstep.
    public func jittered(by fraction: Double = 0.1) -> Duration {
        let factor = Double.random(in: (1 - fraction)...(1 + fraction))
        return .milliseconds(Int64(seconds * factor * 1000))
    }
}
