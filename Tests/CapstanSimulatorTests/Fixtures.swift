import CapstanCluster
import CapstanModel
import CapstanStore
import Foundation

@testable import CapstanSimulator

/// Builders for the objects the simulator tests apply.
enum Fixtures {
    static let epoch = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    static func cluster(
        nodes: [SimulatedNode] = SimulatedNode.defaults(count: 3), startDelay: Duration = .seconds(2),
        store: CapstanStoreHandle? = nil
    ) throws -> SimulatedCluster {
        try SimulatedCluster(
            options: SimulatedClusterOptions(startDelay: startDelay, nodes: nodes, seed: 42, startTime: epoch),
            store: store)
    }

    static func deployment(
        _ name: String, namespace: String = "default", replicas: Int, image: String = "nginx:1.27",
        cpu: String? = nil, strategy: Value? = nil, minReadySeconds: Int? = nil,
        progressDeadlineSeconds: Int? = nil
    ) -> Resource {
        var container: Value = ["name": "app", "image": .string(image)]
        if let cpu { container["resources"] = ["requests": ["cpu": .string(cpu)]] }
        var spec: Value = [
            "replicas": .int(replicas),
            "selector": ["matchLabels": ["app": .string(name)]],
            "template": [
                "metadata": ["labels": ["app": .string(name)]],
                "spec": ["containers": [container]],
            ],
        ]
        if let strategy { spec["strategy"] = strategy }
        if let minReadySeconds { spec["minReadySeconds"] = .int(minReadySeconds) }
        if let progressDeadlineSeconds { spec["progressDeadlineSeconds"] = .int(progressDeadlineSeconds) }
        return Resource(apiVersion: "apps/v1", kind: "Deployment", namespace: namespace, name: name, spec: spec)
    }

    static func deploymentKey(_ name: String, namespace: String = "default") -> ResourceKey {
        ResourceKey(group: "apps", kind: "Deployment", namespace: namespace, name: name)
    }
}

typealias CapstanStoreHandle = CapstanStore.StateStore

extension SimulatedCluster {
    /// Applies and fails the test run on any per-object error.
    @discardableResult
    func applyAll(_ resources: [Resource]) async throws -> [Resource] {
        try await apply(resources).map { try $0.get() }
    }

    func pods(namespace: String = "default") async throws -> [Resource] {
        try await list(ResourceTypes.pod, namespace: namespace)
    }

    func object(_ key: ResourceKey) async throws -> Resource? {
        try await get([key])[key]
    }
}

extension Resource {
    func int(_ path: String...) -> Int { value[path: path]?.intValue ?? 0 }
    func string(_ path: String...) -> String? { value[path: path]?.stringValue }
}
