/// PEM files for a daemon at `tcp://` that requires TLS (`dockerd --tlsverify`).
public struct DockerTLSFiles: Sendable, Hashable {
    /// The certificate authority that signed the daemon's certificate.
    public var caFile: String
    /// The client certificate the daemon verifies.
    public var certFile: String
    /// The private key of `certFile`.
    public var keyFile: String

    public init(caFile: String, certFile: String, keyFile: String) {
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
    }
}
