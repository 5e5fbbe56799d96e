import CapstanDocker
import Testing

/// Endpoints parse into a base URL and an optional socket; anything else is a clear error.
struct EndpointTests {
    static let tls = DockerTLSFiles(caFile: "/c/ca.pem", certFile: "/c/cert.pem", keyFile: "/c/key.pem")

    @Test(
        arguments: [
            ("unix:///var/run/docker.sock", nil, "http://localhost", "/var/run/docker.sock"),
            ("tcp://10.0.0.5:2375", nil, "http://10.0.0.5:2375", nil),
            ("tcp://docker-2", nil, "http://docker-2:2375", nil),
            ("tcp://docker-2", tls, "https://docker-2:2376", nil),
            ("tcp://[::1]", nil, "http://[::1]:2375", nil),
            ("tcp://[::1]:3000/", tls, "https://[::1]:3000", nil),
        ] as [(String, DockerTLSFiles?, String, String?)])
    func parses(text: String, tls: DockerTLSFiles?, baseURL: String, socket: String?) throws {
        let endpoint = try DockerEndpoint(text, tls: tls)
        #expect(endpoint.baseURL == baseURL)
        #expect(endpoint.unixSocketPath == socket)
        #expect(endpoint.description == text)
    }

    @Test(arguments: ["/var/run/docker.sock", "unix://relative.sock", "http://host:2375", "tcp://", "tcp://a/b"])
    func rejects(text: String) {
        #expect {
            try DockerEndpoint(text)
        } throws: { error in
            let error = error as? DockerError
            return error?.kind == .invalidEndpoint && error?.isRetryable == false
                && error?.description.contains(text) == true
        }
    }

    @Test func tlsOnASocketIsRejected() {
        #expect(throws: DockerError.self) { try DockerEndpoint("unix:///var/run/docker.sock", tls: Self.tls) }
    }
}
