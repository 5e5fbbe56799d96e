/// How the notifier delivers: retries, timeouts, de-duplication and how long finished rows are kept.
public struct NotifierSettings: Sendable, Hashable {
    public var retry: RetryPolicy
    /// Limit for connecting to a receiver.
    public var connectTimeout: Duration
    /// Limit for a whole delivery (connect, send, answer).
    public var timeout: Duration
    /// Identical events (same app, reason, revision, message) within this window are sent once.
    public var deduplicationWindow: Duration
    /// Delivered and dead rows older than this are deleted (hourly).
    public var retention: Duration
    /// How often an idle provider re-reads the outbox even without a new event.
    public var idlePoll: Duration

    public init(
        retry: RetryPolicy = RetryPolicy(), connectTimeout: Duration = .seconds(5), timeout: Duration = .seconds(15),
        deduplicationWindow: Duration = .seconds(300), retention: Duration = .seconds(7 * 86_400),
        idlePoll: Duration = .seconds(30)
    ) {
        self.retry = retry
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.deduplicationWindow = deduplicationWindow
        self.retention = retention
        self.idlePoll = idlePoll
    }

    /// Short delays for tests: backoff 50 ms doubling to 200 ms, 1 s connect and 2 s total timeouts.
    public static func fast(maxAttempts: Int = 20, deduplicationWindow: Duration = .seconds(300)) -> NotifierSettings {
        NotifierSettings(
            retry: RetryPolicy(
                initialDelay: .milliseconds(50), maximumDelay: .milliseconds(200), maxAttempts: maxAttempts),
            connectTimeout: .seconds(1), timeout: .seconds(2), deduplicationWindow: deduplicationWindow,
            idlePoll: .seconds(1))
    }
}
