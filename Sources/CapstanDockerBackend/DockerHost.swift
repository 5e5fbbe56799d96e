import CapstanDocker

/// One Docker daemon of the backend: a node named `name`, reached at `endpoint` (`unix:///…` or `tcp://…`,
/// with TLS client files for tcp).
public struct DockerHost: Sendable, Hashable {
    public var name: String
    public var endpoint: String
    public var tls: DockerTLSFiles?

    public init(name: String, endpoint: String, tls: DockerTLSFiles? = nil) {
        self.name = name
        self.endpoint = endpoint
        self.tls = tls
    }
}
