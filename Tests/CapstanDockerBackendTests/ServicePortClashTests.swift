import CapstanCluster
import CapstanModel
import CapstanProxy
import CapstanSimulator
import Foundation
import Logging
import Testing

@testable import CapstanDockerBackend

/// Two Services with the same port on the proxy address: the first keeps it, the later one is not served and
/// gets a Warning event `PortInUse` in the control plane's events; when the first goes away the later one is
/// served.
@Suite(.serialized) struct ServicePortClashTests {
    static func service(_ name: String, port: Int) -> Resource {
        Resource(
            apiVersion: "v1", kind: "Service", namespace: "default", name: name,
            spec: ["selector": ["app": .string(name)], "ports": [["port": .int(port)]]])
    }

    @Test(.timeLimit(.minutes(1))) func theLaterServiceOnATakenPortWaitsWithAWarning() async throws {
        let port = 29_501
        let cluster = try SimulatedCluster(options: SimulatedClusterOptions(name: "docker"))
        let proxy = ServiceProxy(logger: Logger(label: "test"))
        let controller = ServiceProxyController(
            cluster: cluster, proxy: proxy, ports: PortAllocator(range: 33_600...33_699), address: "127.0.0.1",
            logger: Logger(label: "test"))
        let loop = Task { await controller.run() }
        defer { loop.cancel() }

        try await cluster.apply([Self.service("first", port: port)]).forEach { _ = try $0.get() }
        let firstServed = try await DockerNodeAgentTests.eventually(10) {
            await proxy.boundPort(of: "default/first:\(port)") == port
        }
        try #require(firstServed, "the first Service's port is not served")

        try await cluster.apply([Self.service("second", port: port)]).forEach { _ = try $0.get() }
        func warnings() async throws -> [Value] {
            try await cluster.list(ResourceTypes.event, namespace: "default").map(\.value).filter {
                $0[path: ["involvedObject", "name"]] == "second" && $0["reason"] == "PortInUse"
                    && $0["type"] == "Warning"
            }
        }
        let warned = try await DockerNodeAgentTests.eventually(10) { try await !warnings().isEmpty }
        #expect(warned, "no PortInUse warning about the later Service")
        let message = try await warnings().first?["message"]?.stringValue
        #expect(
            message
                == "Port 29501 on 127.0.0.1 is served for Service default/first: port 29501 of this Service is not "
                + "served until it is free")
        #expect(await proxy.boundPort(of: "default/second:\(port)") == nil)
        #expect(await proxy.boundPort(of: "default/first:\(port)") == port)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await warnings().first?["count"] == 1, "the clash is reported once")

        _ = await cluster.delete([Self.service("first", port: port).key])
        let secondServed = try await DockerNodeAgentTests.eventually(10) {
            await proxy.boundPort(of: "default/second:\(port)") == port
        }
        #expect(secondServed, "the later Service is not served once the port is free")
    }

    @Test func theServedListenerKeepsThePortElseTheOldestService() {
        var older = Self.service("b-old", port: 80)
        older.value[path: ["metadata", "creationTimestamp"]] = "2026-01-01T00:00:00Z"
        var newer = Self.service("a-new", port: 80)
        newer.value[path: ["metadata", "creationTimestamp"]] = "2026-01-02T00:00:00Z"
        let listeners = [
            ProxyListener(name: "default/a-new:80", port: 80, backends: []),
            ProxyListener(name: "default/b-old:80", port: 80, backends: []),
            ProxyListener(name: "default/b-old:81", port: 81, backends: []),
        ]
        let fresh = ProxyListeners.resolveClashes(listeners, services: [older, newer], serving: [])
        #expect(fresh.served.map(\.name) == ["default/b-old:80", "default/b-old:81"])
        #expect(fresh.clashes.map(\.listener) == ["default/a-new:80"])
        #expect(fresh.clashes.first?.heldBy == "default/b-old:80")
        let kept = ProxyListeners.resolveClashes(listeners, services: [older, newer], serving: ["default/a-new:80"])
        #expect(kept.served.map(\.name) == ["default/a-new:80", "default/b-old:81"])
    }
}
