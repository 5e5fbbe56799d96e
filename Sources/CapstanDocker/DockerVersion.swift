/// What `GET /version` says: the daemon's release and the API versions it speaks.
public struct DockerVersion: Sendable, Hashable {
    /// The engine release, e.g. `20.10.24+dfsg1`.
    public var version: String
    /// The newest API version, e.g. `1.41`.
    public var apiVersion: String
    /// The oldest API version still served.
    public var minAPIVersion: String
    /// `linux` or `windows`.
    public var os: String
    /// The CPU architecture, e.g. `amd64`.
    public var arch: String

    public init(version: String, apiVersion: String, minAPIVersion: String, os: String, arch: String) {
        self.version = version
        self.apiVersion = apiVersion
        self.minAPIVersion = minAPIVersion
        self.os = os
        self.arch = arch
    }
}
