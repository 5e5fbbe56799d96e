/// docker-compose's side of the Docker comparison, same daemon, same services, same run.
struct ComposeResult: Codable, Sendable {
    /// `docker-compose version --short`, e.g. `1.29.2`.
    var version: String
    /// `docker-compose version`: starting its interpreter and printing, no call to the daemon.
    var versionSamples: Samples
    /// `up -d` from nothing (after `down`) until the process exits: every container created and started.
    var cold: Samples
    /// `up -d` with every container up to date.
    var noChange: Samples
    /// Containers recreated by the no-change runs (must be 0).
    var replacedContainers: Int
}
