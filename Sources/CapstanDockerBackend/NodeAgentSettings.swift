/// What a node agent is told beyond its daemon: where ConfigMap and Secret volume files go, whether volumes of
/// deleted claims are removed, and kubelet constants that tests shorten.
public struct NodeAgentSettings: Sendable, Hashable {
    /// The folder on a tmpfs under which the agent writes ConfigMap and Secret volume files (a subfolder per
    /// node, then per pod). Used only when the daemon is on this host (a unix socket or tcp to loopback).
    public var volumeDirectory: String
    /// Remove the named volume of a PersistentVolumeClaim deleted from the control plane (`docker.pruneVolumes`).
    public var pruneVolumes: Bool
    /// A container that ran this long before it stopped restarts without back-off (the kubelet's 10 minutes).
    public var backOffReset: Duration
    /// The longest time between two progress lines of a long image pull in the log.
    public var pullProgressInterval: Duration

    public init(
        volumeDirectory: String = NodeAgentSettings.defaultVolumeDirectory(cluster: "docker"),
        pruneVolumes: Bool = false, backOffReset: Duration = .seconds(600), pullProgressInterval: Duration = .seconds(5)
    ) {
        self.volumeDirectory = volumeDirectory
        self.pruneVolumes = pruneVolumes
        self.backOffReset = backOffReset
        self.pullProgressInterval = pullProgressInterval
    }

    /// The default folder of the backend named `cluster`: under /dev/shm, a tmpfs on Linux.
    public static func defaultVolumeDirectory(cluster: String) -> String { "/dev/shm/capstan-\(cluster)" }
}
