/// How the Docker backend is set up: its daemons (one node each), where Services are served, the pods' port
/// range, how often the agents check for drift, where volume files go and whether volumes are pruned.
public struct DockerBackendOptions: Sendable, Hashable {
    public var hosts: [DockerHost]
    /// The address of the service proxy, and so of `NAME_SERVICE_HOST`. Default 127.0.0.1.
    public var serviceAddress: String
    /// Where pods' `PORT`s come from.
    public var portRange: ClosedRange<Int>
    /// The longest time between two passes of a node agent.
    public var driftInterval: Duration
    /// How long the pods of a node whose daemon stopped answering stay there before they are recreated
    /// elsewhere (Kubernetes' default toleration: 300 s).
    public var podEvictionTimeout: Duration
    /// The backend's name for apps (`backend: docker`) and in the state store.
    public var name: String
    /// Where ConfigMap and Secret volume files go: a folder on a tmpfs (default /dev/shm/capstan-NAME).
    public var volumeDirectory: String?
    /// Remove the named volume of a deleted PersistentVolumeClaim (default false: kept, logged once).
    public var pruneVolumes: Bool

    public init(
        hosts: [DockerHost], serviceAddress: String = "127.0.0.1", portRange: ClosedRange<Int> = 30_000...32_767,
        driftInterval: Duration = .seconds(30), podEvictionTimeout: Duration = .seconds(300), name: String = "docker",
        volumeDirectory: String? = nil, pruneVolumes: Bool = false
    ) {
        self.volumeDirectory = volumeDirectory
        self.pruneVolumes = pruneVolumes
        self.podEvictionTimeout = podEvictionTimeout
        self.hosts = hosts
        self.serviceAddress = serviceAddress
        self.portRange = portRange
        self.driftInterval = driftInterval
        self.name = name
    }
}

extension DockerBackendOptions {
    /// What each node agent is told.
    var agentSettings: NodeAgentSettings {
        NodeAgentSettings(
            volumeDirectory: volumeDirectory ?? NodeAgentSettings.defaultVolumeDirectory(cluster: name),
            pruneVolumes: pruneVolumes)
    }
}
