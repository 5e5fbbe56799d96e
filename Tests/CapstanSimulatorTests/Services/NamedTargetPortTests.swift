import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct NamedTargetPortTests {
    typealias F = ServiceFixtures

    /// Subsets as (ready pod names, "name/port/protocol" ports), in stored order.
    private func shape(_ endpoints: Resource) -> [[String]] {
        (endpoints.value["subsets"]?.arrayValue ?? []).map { subset in
            let pods = (subset["addresses"]?.arrayValue ?? []).compactMap {
                $0[path: ["targetRef", "name"]]?.stringValue
            }.sorted()
            let ports = (subset["ports"]?.arrayValue ?? []).map {
                "\($0["name"]?.stringValue ?? "")/\($0["port"]?.intValue ?? 0)/\($0["protocol"]?.stringValue ?? "")"
            }
            return pods + ["|"] + ports
        }
    }

    @Test(.timeLimit(.minutes(1))) func namedTargetPortsResolvePerPodAndGroupSubsets() async throws {
        let cluster = try Fixtures.cluster()
        let labels = ["app": "mixed"]
        try await cluster.applyAll([
            F.service(
                "mixed", selector: labels,
                ports: [
                    ["name": "web", "port": 80, "targetPort": "http"],
                    ["name": "metrics", "port": 9100, "targetPort": 9100],
                ]),
            F.pod("a-1", labels: labels, ports: [["name": "http", "containerPort": 8080]]),
            F.pod("a-2", labels: labels, ports: [["name": "http", "containerPort": 8080]]),
            F.pod("b-1", labels: labels, ports: [["name": "http", "containerPort": 9090]]),
            // No port named http: left out for the web port only.
            F.pod("c-1", labels: labels, ports: [["name": "admin", "containerPort": 8081]]),
            // A port named http but UDP does not match the TCP Service port.
            F.pod("d-1", labels: labels, ports: [["name": "http", "containerPort": 7070, "protocol": "UDP"]]),
        ])
        await cluster.advance(by: .seconds(3))
        let endpoints = try #require(try await cluster.object(F.endpointsKey("mixed")))
        #expect(
            shape(endpoints) == [
                ["a-1", "a-2", "b-1", "c-1", "d-1", "|", "metrics/9100/TCP"],
                ["a-1", "a-2", "|", "web/8080/TCP"],
                ["b-1", "|", "web/9090/TCP"],
            ])
        // Every address of a subset is sorted by IP, as Kubernetes sorts them.
        for subset in endpoints.value["subsets"]?.arrayValue ?? [] {
            let ips = (subset["addresses"]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue }
            #expect(ips == ips.sorted())
        }
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func aNumericTargetPortIsTakenAsIsAndAMissingOneDefaultsToThePort() {
        let pod = F.pod("p", labels: [:], ports: [["name": "http", "containerPort": 8080]])
        #expect(pod.containerPort(for: ["port": 80, "targetPort": 8443]) == 8443)
        #expect(pod.containerPort(for: ["port": 80]) == 80)
        #expect(pod.containerPort(for: ["port": 80, "targetPort": "http"]) == 8080)
        #expect(pod.containerPort(for: ["port": 80, "targetPort": "http", "protocol": "UDP"]) == nil)
        #expect(pod.containerPort(for: ["port": 80, "targetPort": "grpc"]) == nil)
        // A named port of a sidecar (an init container that keeps running) counts too.
        let withSidecar = F.pod(
            "s", labels: [:],
            spec: [
                "initContainers": [
                    [
                        "name": "proxy", "image": "envoy:1", "restartPolicy": "Always",
                        "ports": [["name": "proxy", "containerPort": 15001]],
                    ]
                ]
            ])
        #expect(withSidecar.containerPort(for: ["port": 80, "targetPort": "proxy"]) == 15001)
    }
}
