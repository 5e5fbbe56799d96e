/// What a new container should be: the body of `POST /containers/create`.
///
/// `description` names the environment variables but never shows their values (they may be secrets).
public struct ContainerSpec: Sendable, Hashable, CustomStringConvertible {
    /// The image reference, e.g. `nginx:1.27`.
    public var image: String
    /// Replaces the image's entrypoint (Kubernetes `command`); nil keeps it.
    public var entrypoint: [String]?
    /// Replaces the image's command (Kubernetes `args`); nil keeps it.
    public var cmd: [String]?
    /// Environment variables.
    public var env: [String: String]
    /// Container labels.
    public var labels: [String: String]
    /// The working directory; nil keeps the image's.
    public var workingDir: String?
    /// The user (`uid`, `uid:gid` or a name); nil keeps the image's.
    public var user: String?
    /// `host` (the backend's choice), `none`, `bridge`, …; nil is the daemon's default.
    public var networkMode: String?
    /// Runs a tiny init as PID 1 that forwards signals and reaps zombies (`HostConfig.Init`).
    public var runsInit: Bool
    /// The memory limit in bytes (`HostConfig.Memory`); nil for none.
    public var memoryBytes: Int?
    /// The CPU limit in billionths of a CPU (`HostConfig.NanoCpus`); nil for none.
    public var nanoCPUs: Int?
    /// Volumes, tmpfs and bind mounts (`HostConfig.Mounts`).
    public var mounts: [ContainerMount]
    /// Extra tmpfs mounts by path with mount options, e.g. `["/run": "rw,size=1m"]` (`HostConfig.Tmpfs`).
    public var tmpfs: [String: String]
    /// The daemon's own health check; nil keeps the image's.
    public var healthcheck: ContainerHealthcheck?
    /// The signal `stop` sends first, e.g. `SIGTERM`; nil keeps the image's.
    public var stopSignal: String?
    /// Seconds `stop` waits before killing, when the call gives none.
    public var stopTimeoutSeconds: Int?

    public init(
        image: String, entrypoint: [String]? = nil, cmd: [String]? = nil, env: [String: String] = [:],
        labels: [String: String] = [:], workingDir: String? = nil, user: String? = nil,
        networkMode: String? = "host", runsInit: Bool = true, memoryBytes: Int? = nil, nanoCPUs: Int? = nil,
        mounts: [ContainerMount] = [], tmpfs: [String: String] = [:], healthcheck: ContainerHealthcheck? = nil,
        stopSignal: String? = nil, stopTimeoutSeconds: Int? = nil
    ) {
        self.image = image
        self.entrypoint = entrypoint
        self.cmd = cmd
        self.env = env
        self.labels = labels
        self.workingDir = workingDir
        self.user = user
        self.networkMode = networkMode
        self.runsInit = runsInit
        self.memoryBytes = memoryBytes
        self.nanoCPUs = nanoCPUs
        self.mounts = mounts
        self.tmpfs = tmpfs
        self.healthcheck = healthcheck
        self.stopSignal = stopSignal
        self.stopTimeoutSeconds = stopTimeoutSeconds
    }

    public var description: String {
        let names = env.keys.sorted().joined(separator: ",")
        return "ContainerSpec(image: \(image), env names: [\(names)], mounts: \(mounts.count))"
    }
}
