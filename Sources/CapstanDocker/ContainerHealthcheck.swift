/// A health check the daemon runs inside a container (`Config.Healthcheck`).
public struct ContainerHealthcheck: Sendable, Hashable {
    /// `["CMD", exe, args...]`, `["CMD-SHELL", script]`, or `["NONE"]` to turn off the image's check.
    public var test: [String]
    /// Time between checks.
    public var interval: Duration?
    /// Time a check may take before it counts as failed.
    public var timeout: Duration?
    /// Time after start during which failures do not count.
    public var startPeriod: Duration?
    /// Consecutive failures that make the container unhealthy.
    public var retries: Int?

    public init(
        test: [String], interval: Duration? = nil, timeout: Duration? = nil, startPeriod: Duration? = nil,
        retries: Int? = nil
    ) {
        self.test = test
        self.interval = interval
        self.timeout = timeout
        self.startPeriod = startPeriod
        self.retries = retries
    }

    /// A check that runs `script` with `/bin/sh -c`.
    public static func shell(_ script: String, interval: Duration? = nil, retries: Int? = nil) -> ContainerHealthcheck {
        ContainerHealthcheck(test: ["CMD-SHELL", script], interval: interval, retries: retries)
    }
}
