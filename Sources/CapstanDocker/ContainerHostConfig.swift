import CapstanModel

/// The host settings of an existing container that the backend compares with its spec (`HostConfig`).
public struct ContainerHostConfig: Sendable, Hashable {
    /// `host`, `none`, `bridge`, `default`, ….
    public var networkMode: String
    /// True when an init runs as PID 1.
    public var runsInit: Bool
    /// The memory limit in bytes; 0 for none.
    public var memoryBytes: Int
    /// The CPU limit in billionths of a CPU; 0 for none.
    public var nanoCPUs: Int
    /// The mounts as requested at create time.
    public var mounts: [ContainerMount]
    /// Extra tmpfs mounts by path.
    public var tmpfs: [String: String]

    public init(
        networkMode: String, runsInit: Bool, memoryBytes: Int, nanoCPUs: Int, mounts: [ContainerMount],
        tmpfs: [String: String]
    ) {
        self.networkMode = networkMode
        self.runsInit = runsInit
        self.memoryBytes = memoryBytes
        self.nanoCPUs = nanoCPUs
        self.mounts = mounts
        self.tmpfs = tmpfs
    }

    /// Reads inspect's `HostConfig` object.
    init(json: Value) {
        self.init(
            networkMode: json["NetworkMode"]?.stringValue ?? "", runsInit: json["Init"]?.boolValue ?? false,
            memoryBytes: json["Memory"]?.intValue ?? 0, nanoCPUs: json["NanoCpus"]?.intValue ?? 0,
            mounts: json["Mounts"]?.arrayValue?.compactMap(ContainerMount.init(json:)) ?? [],
            tmpfs: json["Tmpfs"]?.stringMap ?? [:])
    }
}
