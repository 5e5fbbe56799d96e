/// The Docker backend against docker-compose on one daemon in one run (`capstan-bench docker-converge`).
struct DockerConvergeResult: Codable, Sendable {
    var services: Int
    var image: String
    var command: [String]
    /// The daemon's release (`GET /version`) and its CPUs.
    var dockerVersion: String
    var dockerCPUs: Int
    var cold: [DockerColdRun]
    var noChange: DockerNoChangeResult
    /// The same containers created and started by a bare Engine API client (`DaemonFloor`), per cold round.
    var bareClientCold: Samples
    var compose: ComposeResult
}
