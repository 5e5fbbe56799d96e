import CapstanModel
import Foundation

/// A container's run state from inspect (`State`): what the kubelet turns into pod status.
public struct ContainerState: Sendable, Hashable {
    /// `created`, `running`, `paused`, `restarting`, `removing`, `exited` or `dead`.
    public var status: String
    /// True while the main process runs (also while paused).
    public var running: Bool
    /// True while the daemon restarts it (its own restart policy; Capstan does not set one).
    public var restarting: Bool
    /// True when the kernel's OOM killer ended the last run.
    public var oomKilled: Bool
    /// The last run's exit code (0 before the first exit).
    public var exitCode: Int
    /// The daemon's error for a failed start, e.g. `exec: "nope": executable file not found`.
    public var error: String
    /// The main process's PID on the host while running, else 0.
    public var pid: Int
    /// When the last run started; nil before the first start.
    public var startedAt: Date?
    /// When the last run ended; nil before the first exit.
    public var finishedAt: Date?
    /// `starting`, `healthy` or `unhealthy` with a health check; nil without one.
    public var health: String?

    public init(
        status: String, running: Bool, restarting: Bool = false, oomKilled: Bool = false, exitCode: Int = 0,
        error: String = "", pid: Int = 0, startedAt: Date? = nil, finishedAt: Date? = nil, health: String? = nil
    ) {
        self.status = status
        self.running = running
        self.restarting = restarting
        self.oomKilled = oomKilled
        self.exitCode = exitCode
        self.error = error
        self.pid = pid
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.health = health
    }

    /// Reads inspect's `State` object.
    init(json: Value) {
        self.init(
            status: json["Status"]?.stringValue ?? "", running: json["Running"]?.boolValue ?? false,
            restarting: json["Restarting"]?.boolValue ?? false, oomKilled: json["OOMKilled"]?.boolValue ?? false,
            exitCode: json["ExitCode"]?.intValue ?? 0, error: json["Error"]?.stringValue ?? "",
            pid: json["Pid"]?.intValue ?? 0, startedAt: json["StartedAt"]?.dockerTime,
            finishedAt: json["FinishedAt"]?.dockerTime, health: json[path: ["Health", "Status"]]?.stringValue)
    }
}
