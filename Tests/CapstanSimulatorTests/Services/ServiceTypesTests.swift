import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct ServiceTypesTests {
    typealias F = ServiceFixtures

    private func nodePorts(_ service: Resource) -> [Int] {
        (service.value[path: ["spec", "ports"]]?.arrayValue ?? []).compactMap { $0["nodePort"]?.intValue }
    }

    @Test func nodePortServicesGetStableNodePortsFromTheRange() async throws {
        let cluster = try Fixtures.cluster()
        let manifest = F.service(
            "web", selector: ["app": "web"], ports: [["name": "http", "port": 80], ["name": "https", "port": 443]],
            type: "NodePort")
        let first = try await cluster.applyAll([manifest])[0]
        let ports = nodePorts(first)
        #expect(ports.count == 2 && Set(ports).count == 2)
        #expect(ports.allSatisfy { (30000...32767).contains($0) })
        #expect(first.string("spec", "externalTrafficPolicy") == "Cluster")

        // Re-applying the manifest (without node ports) keeps them and writes nothing.
        let second = try await cluster.applyAll([manifest])[0]
        #expect(nodePorts(second) == ports)
        #expect(second.resourceVersion == first.resourceVersion)
        #expect(second.generation == first.generation)

        // Asking for a port another Service holds is refused.
        let taken = F.service("other", ports: [["port": 80, "nodePort": .int(ports[0])]], type: "NodePort")
        guard case .failure(let error) = await cluster.apply([taken])[0] else {
            Issue.record("expected a conflict")
            return
        }
        #expect(
            error.message == "spec.ports[0].nodePort: Invalid value: \(ports[0]): provided port is already allocated")
    }

    struct Invalid: Sendable, CustomStringConvertible {
        var service: Resource
        var message: String
        var description: String { message }
    }

    @Test(arguments: [
        Invalid(
            service: F.service("a", ports: [["port": 80, "nodePort": 80]], type: "NodePort"),
            message: "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. "
                + "The range of valid ports is 30000-32767"),
        Invalid(
            service: F.service("b", ports: [["port": 80, "nodePort": 30001]]),
            message: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
        Invalid(
            service: F.service("c", ports: [["name": "http", "port": 80], ["port": 81]]),
            message: "spec.ports[1].name: Required value"),
    ])
    func invalidPortsAreRefused(_ invalid: Invalid) async throws {
        let cluster = try Fixtures.cluster()
        guard case .failure(let error) = await cluster.apply([invalid.service])[0] else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.reason == .invalid)
        #expect(error.message == invalid.message)
    }

    @Test func loadBalancersGetASimulatedIngressAddress() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([F.service("web", selector: ["app": "web"], type: "LoadBalancer")])
        let service = try #require(try await cluster.object(F.serviceKey("web")))
        let ingress = try #require(service.value[path: ["status", "loadBalancer", "ingress"]]?.arrayValue?.first)
        #expect(ingress["ip"]?.stringValue?.hasPrefix("198.18.") == true)
        #expect(ingress["ipMode"] == "VIP")
        #expect(nodePorts(service).count == 1)
        let reasons = try await cluster.list(ResourceTypes.event, namespace: "default").compactMap {
            $0.string("reason")
        }
        #expect(reasons.contains("EnsuredLoadBalancer"))

        // Re-applying keeps the address; turning it into a ClusterIP Service drops it and its node port.
        try await cluster.applyAll([F.service("web", selector: ["app": "web"], type: "LoadBalancer")])
        #expect(
            try await cluster.object(F.serviceKey("web"))?.value[path: ["status", "loadBalancer", "ingress"]]?
                .arrayValue?.first == ingress)
        try await cluster.applyAll([F.service("web", selector: ["app": "web"])])
        let clusterIP = try #require(try await cluster.object(F.serviceKey("web")))
        #expect(clusterIP.value[path: ["status", "loadBalancer"]] == [:])
        #expect(nodePorts(clusterIP).isEmpty)
    }

    @Test func headlessServicesHaveNoClusterIP() async throws {
        let cluster = try Fixtures.cluster()
        let service = try await cluster.applyAll([
            F.service("peers", selector: ["app": "db"], ports: [], clusterIP: "None")
        ])[0]
        #expect(service.string("spec", "clusterIP") == "None")
        #expect(service.value[path: ["spec", "clusterIPs"]] == ["None"])
    }
}
