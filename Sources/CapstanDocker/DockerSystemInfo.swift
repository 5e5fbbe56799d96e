/// What `GET /info` says about a daemon's host: the capacity a node reports.
public struct DockerSystemInfo: Sendable, Hashable {
    /// The daemon's ID.
    public var id: String
    /// The host name.
    public var name: String
    /// The daemon's version, e.g. `20.10.24`.
    public var serverVersion: String
    /// Logical CPUs.
    public var cpus: Int
    /// Memory in bytes.
    public var memoryBytes: Int
    /// The host's operating system, e.g. `Debian GNU/Linux 12 (bookworm)`.
    public var operatingSystem: String
    /// Containers that exist, of any state.
    public var containers: Int

    public init(
        id: String, name: String, serverVersion: String, cpus: Int, memoryBytes: Int, operatingSystem: String,
        containers: Int
    ) {
        self.id = id
        self.name = name
        self.serverVersion = serverVersion
        self.cpus = cpus
        self.memoryBytes = memoryBytes
        self.operatingSystem = operatingSystem
        self.containers = containers
    }
}
