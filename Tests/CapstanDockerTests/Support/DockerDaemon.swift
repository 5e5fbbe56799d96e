import CapstanDocker
import CapstanTestSupport

/// The tests' Docker engine, on `DockerTestDaemon` (a private daemon, never the host's).
enum DockerDaemon {
    /// A new engine for the test daemon; fails (never skips) when there is none.
    static func engine(maxConnections: Int = 16) throws -> DockerEngine {
        try DockerEngine(DockerTestDaemon.host.get(), maxConnections: maxConnections)
    }
}
