import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanTestSupport
import Foundation
import Logging
import Testing

@testable import CapstanDockerBackend

/// A daemon reached as a remote one: `tcp://127.0.0.1:PORT` with `dockerd --tlsverify` and certificates made by
/// the test (scripts/test-dockerd.sh with TEST_DOCKERD_TLS_PORT). With the client's CA, certificate and key the
/// backend runs a Deployment there; a client without a certificate, or with one from another CA, is refused with
/// an error that says so.
@Suite(.serialized) struct RemoteTLSDaemonTests {
    /// A free port on 127.0.0.1 (the kernel's choice; released before the daemon binds it).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw FixtureError("no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test(.timeLimit(.minutes(2))) func aDeploymentRunsOnADaemonReachedOverTLS() async throws {
        let folder = "/tmp/cdk3-\(getpid())"
        let script = DockerTestDaemon.repositoryRoot.appendingPathComponent("scripts/test-dockerd.sh").path
        let port = try Self.freePort()
        let started = Shell.run(["/usr/bin/env", "TEST_DOCKERD_TLS_PORT=\(port)", "/bin/bash", script, "start", folder])
        try #require(started.status == 0, "TLS daemon: \(started.stderr)")
        defer { _ = Shell.run(["/bin/bash", "-c", "'\(script)' stop \(folder); rm -rf \(folder)"]) }
        let endpoint = "tcp://127.0.0.1:\(port)"
        let tls = DockerTLSFiles(
            caFile: "\(folder)/tls/ca.pem", certFile: "\(folder)/tls/cert.pem", keyFile: "\(folder)/tls/key.pem")

        // Refusals first: no client certificate, and a certificate the daemon's CA did not sign.
        let timeouts = DockerTimeouts(connect: .seconds(2), request: .seconds(5))
        let plain = try DockerEngine(endpoint, timeouts: timeouts)
        await #expect {
            _ = try await plain.info()
        } throws: { error in
            "\(error)".contains(endpoint) && "\(error)".contains("HTTPS")
        }
        let strangerFolder = "\(folder)/stranger"
        let made = Shell.run([
            "/bin/bash", "-c",
            "mkdir -p \(strangerFolder) && cd \(strangerFolder) && "
                + "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=stranger "
                + "-keyout key.pem -out cert.pem 2>/dev/null",
        ])
        try #require(made.status == 0, "\(made.stderr)")
        let stranger = try DockerEngine(
            endpoint,
            tls: DockerTLSFiles(
                caFile: tls.caFile, certFile: "\(strangerFolder)/cert.pem", keyFile: "\(strangerFolder)/key.pem"),
            timeouts: timeouts)
        var strangerError = ""
        do {
            _ = try await stranger.info()
        } catch {
            strangerError = "\(error)"
        }
        #expect(
            strangerError.contains("127.0.0.1:\(port)") && strangerError.contains("certificate"),
            "a client certificate from another CA: \(strangerError.isEmpty ? "accepted" : strangerError)")

        // A key file that cannot be read stops the backend from opening, naming the host and the file.
        let missingKey = DockerTLSFiles(caFile: tls.caFile, certFile: tls.certFile, keyFile: "\(folder)/nope.pem")
        await #expect {
            _ = try await DockerCluster.open(
                DockerBackendOptions(hosts: [DockerHost(name: "edge", endpoint: endpoint, tls: missingKey)]),
                store: nil, logger: Logger(label: "test"))
        } throws: { error in
            "\(error)".contains("edge") && "\(error)".contains("keyFile \(folder)/nope.pem cannot be read")
        }

        // The backend with the right files: a node named after the host, a Deployment available there.
        let node = "remote-\(UUID().uuidString.prefix(6).lowercased())"
        let cluster = try await DockerCluster.open(
            DockerBackendOptions(
                hosts: [DockerHost(name: node, endpoint: endpoint, tls: tls)], portRange: 29_000...29_499,
                driftInterval: .milliseconds(500), name: "docker-tls"),
            store: nil, logger: Logger(label: "test"))
        let run = Task { await cluster.run() }
        defer { run.cancel() }
        let engine = try DockerEngine(endpoint, tls: tls, timeouts: timeouts)
        #expect(try await engine.info().cpus > 0)
        do {
            try await cluster.control.apply([DockerNodeAgentTests.deployment(replicas: 2)]).forEach { _ = try $0.get() }
            let key = ResourceKey(group: "apps", kind: "Deployment", namespace: "default", name: "web")
            #expect(
                try await DockerNodeAgentTests.eventually(40) {
                    try await cluster.control.get([key])[key]?.value[path: ["status", "availableReplicas"]] == 2
                }, "the Deployment did not become available on the TLS daemon")
            let containers = try await engine.listContainers(labels: [ContainerLabels.node: node])
            #expect(containers.filter { $0.state == "running" }.count == 2)
        } catch {
            run.cancel()
            throw error
        }
        run.cancel()
    }
}
