/// The Docker backend (`docker:`): its daemons, one node each, and how Services and pods are reached.
public struct DockerConfiguration: Sendable, Hashable {
    /// One Docker daemon: a node named `name` at `host` (`unix:///…` or `tcp://host:port`).
    public struct Host: Sendable, Hashable {
        public var name: String
        public var host: String
        /// PEM files for `tcp://` with TLS client certificates: all three or none.
        public var caFile: String?
        public var certFile: String?
        public var keyFile: String?

        public init(name: String, host: String, caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil)
        {
            self.name = name
            self.host = host
            self.caFile = caFile
            self.certFile = certFile
            self.keyFile = keyFile
        }
    }

    public var hosts: [Host]
    /// Where the service proxy listens and what `NAME_SERVICE_HOST` says. Default 127.0.0.1.
    public var serviceAddress: String
    /// The pods' `PORT`s. Default 30000-32767.
    public var portRange: ClosedRange<Int>
    /// The longest time between two checks of a daemon's containers. Default 30s.
    public var driftCheckInterval: Duration
    /// How long pods of an unreachable daemon wait before they are recreated elsewhere. Default 300s.
    public var podEvictionTimeout: Duration
    /// Where ConfigMap and Secret volume files go: a folder on a tmpfs. Default /dev/shm/capstan-docker.
    public var volumeDirectory: String?
    /// Remove the Docker volume of a PersistentVolumeClaim deleted from the cluster. Default false.
    public var pruneVolumes: Bool

    public init(
        hosts: [Host], serviceAddress: String = "127.0.0.1", portRange: ClosedRange<Int> = 30_000...32_767,
        driftCheckInterval: Duration = .seconds(30), podEvictionTimeout: Duration = .seconds(300),
        volumeDirectory: String? = nil, pruneVolumes: Bool = false
    ) {
        self.volumeDirectory = volumeDirectory
        self.pruneVolumes = pruneVolumes
        self.podEvictionTimeout = podEvictionTimeout
        self.hosts = hosts
        self.serviceAddress = serviceAddress
        self.portRange = portRange
        self.driftCheckInterval = driftCheckInterval
    }
}
