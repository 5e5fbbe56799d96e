import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct AffinityAndClaimTests {
    static let zonedNodes = [
        SimulatedNode(name: "a1", labels: ["zone": "a", "gen": "3"]),
        SimulatedNode(name: "b1", labels: ["zone": "b", "gen": "5"]),
        SimulatedNode(name: "c1", labels: ["zone": "c"]),
    ]

    static func withAffinity(_ terms: Value) -> Resource {
        var manifest = Fixtures.deployment("web", replicas: 4)
        manifest.value[path: ["spec", "template", "spec", "affinity"]] = [
            "nodeAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": ["nodeSelectorTerms": terms]]
        ]
        return manifest
    }

    static let cases: [(Value, Set<String>)] = [
        ([["matchExpressions": [["key": "zone", "operator": "In", "values": ["a", "b"]]]]], ["a1", "b1"]),
        ([["matchExpressions": [["key": "zone", "operator": "NotIn", "values": ["a"]]]]], ["b1", "c1"]),
        ([["matchExpressions": [["key": "gen", "operator": "Exists"]]]], ["a1", "b1"]),
        ([["matchExpressions": [["key": "gen", "operator": "DoesNotExist"]]]], ["c1"]),
        ([["matchExpressions": [["key": "gen", "operator": "Gt", "values": ["4"]]]]], ["b1"]),
        (
            [
                ["matchExpressions": [["key": "zone", "operator": "In", "values": ["a"]]]],
                ["matchFields": [["key": "metadata.name", "operator": "In", "values": ["c1"]]]],
            ], ["a1", "c1"]
        ),
    ]

    @Test(arguments: cases)
    func requiredNodeAffinityPicksNodes(_ terms: Value, _ allowed: Set<String>) async throws {
        let cluster = try Fixtures.cluster(nodes: Self.zonedNodes)
        try await cluster.applyAll([Self.withAffinity(terms)])
        let pods = try await cluster.pods()
        #expect(pods.count == 4)
        #expect(Set(pods.map(\.nodeName)).isSubset(of: allowed))
        #expect(pods.allSatisfy { !$0.nodeName.isEmpty })
    }

    @Test func noMatchingNodeLeavesThePodPending() async throws {
        let cluster = try Fixtures.cluster(nodes: Self.zonedNodes)
        try await cluster.applyAll([
            Self.withAffinity([["matchExpressions": [["key": "zone", "operator": "In", "values": ["z"]]]]])
        ])
        let pod = try #require(try await cluster.pods().first)
        #expect(
            pod.podCondition("PodScheduled")?["message"]
                == "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.")
    }

    @Test func aPodWithAMissingClaimWaitsForIt() async throws {
        let cluster = try Fixtures.cluster()
        var manifest = Fixtures.deployment("db", replicas: 1)
        manifest.value[path: ["spec", "template", "spec", "volumes"]] = [
            ["name": "data", "persistentVolumeClaim": ["claimName": "data"]]
        ]
        try await cluster.applyAll([manifest])
        let pod = try #require(try await cluster.pods().first)
        #expect(pod.nodeName.isEmpty)
        #expect(
            pod.podCondition("PodScheduled")?["message"]
                == "0/3 nodes are available: persistentvolumeclaim \"data\" not found.")
    }
}
