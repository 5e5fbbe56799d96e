import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// What the API server refuses for StatefulSets, claims, StorageClasses and HPAs, in Kubernetes' words,
/// and the defaults it fills in.
@Suite struct WorkloadValidationTests {
    static func edited(_ resource: Resource, _ path: [String], _ value: Value?) -> Resource {
        var resource = resource
        resource.value[path: path] = value
        return resource
    }

    static let refusals: [(Resource, String)] = [
        (
            edited(WorkloadFixtures.statefulSet(replicas: 1), ["spec", "podManagementPolicy"], "Random"),
            "spec.podManagementPolicy: Unsupported value: \"Random\": supported values: \"OrderedReady\", \"Parallel\""
        ),
        (
            edited(
                WorkloadFixtures.statefulSet(replicas: 1), ["spec", "updateStrategy"],
                ["type": "RollingUpdate", "rollingUpdate": ["partition": -1]]),
            "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0"
        ),
        (
            edited(
                WorkloadFixtures.statefulSet(replicas: 1), ["spec", "volumeClaimTemplates"],
                [["metadata": ["name": "www"]]]),
            "spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access mode is required"
        ),
        (
            edited(WorkloadFixtures.claim("data"), ["spec", "resources"], nil),
            "spec.resources[storage]: Required value"
        ),
        (
            edited(WorkloadFixtures.storageClass("fast"), ["volumeBindingMode"], "Later"),
            "volumeBindingMode: Unsupported value: \"Later\": supported values: \"Immediate\", \"WaitForFirstConsumer\""
        ),
        (
            WorkloadFixtures.autoscaler(minReplicas: 5, maxReplicas: 3),
            "spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`"
        ),
        (
            WorkloadFixtures.autoscaler(maxReplicas: 3, cpuUtilization: 0),
            "spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0"
        ),
    ]

    @Test(arguments: refusals)
    func refused(_ resource: Resource, _ message: String) async throws {
        let cluster = try Fixtures.cluster()
        let result = await cluster.apply([resource])
        #expect(throws: ClusterError(.invalid, key: resource.key, message)) { try result[0].get() }
    }

    @Test func onlySomeStatefulSetFieldsMayChange() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 1)])
        // replicas, template and update strategy may change…
        try await cluster.applyAll([
            WorkloadFixtures.statefulSet(replicas: 2, image: "nginx:1.28", updateStrategy: ["type": "OnDelete"])
        ])
        // …the claim templates may not.
        let result = await cluster.apply([WorkloadFixtures.statefulSet(replicas: 2, storage: "2Gi")])
        #expect(throws: ClusterError.self) { try result[0].get() }
        guard case .failure(let error) = result[0] else { return }
        #expect(
            error.message.hasPrefix("spec: Forbidden: updates to statefulset spec for fields other than 'replicas'"))
    }

    @Test func statefulSetsGetKubernetesDefaults() async throws {
        let cluster = try Fixtures.cluster()
        let stored = try #require(try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 1)]).first)
        #expect(stored.string("spec", "podManagementPolicy") == "OrderedReady")
        #expect(stored.string("spec", "updateStrategy", "type") == "RollingUpdate")
        #expect(stored.int("spec", "updateStrategy", "rollingUpdate", "partition") == 0)
        #expect(stored.int("spec", "revisionHistoryLimit") == 10)
        #expect(stored.string("spec", "persistentVolumeClaimRetentionPolicy", "whenDeleted") == "Retain")
        #expect(stored.string("spec", "persistentVolumeClaimRetentionPolicy", "whenScaled") == "Retain")
        let template = stored.value[path: ["spec", "volumeClaimTemplates"]]?.arrayValue?.first
        #expect(template?[path: ["spec", "volumeMode"]] == "Filesystem")
    }

    @Test(.timeLimit(.minutes(1)))
    func ordinalsMayStartAboveZero() async throws {
        let cluster = try Fixtures.cluster()
        let set = Self.edited(
            WorkloadFixtures.statefulSet(replicas: 2, policy: "Parallel"), ["spec", "ordinals"], ["start": 3])
        try await cluster.applyAll([set])
        #expect(try await cluster.podNames() == ["web-3", "web-4"])
        #expect(try await cluster.claims().map(\.name) == ["www-web-3", "www-web-4"])
        await cluster.advance(by: .seconds(2))
        let stored = try #require(try await cluster.object(WorkloadFixtures.statefulSetKey()))
        #expect(stored.int("status", "readyReplicas") == 2)
        #expect(await cluster.statistics.livelocks == 0)
    }
}
