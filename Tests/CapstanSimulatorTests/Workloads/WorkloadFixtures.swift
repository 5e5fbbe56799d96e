import CapstanCluster
import CapstanModel
import Foundation

@testable import CapstanSimulator

/// Builders for the StatefulSet, storage and autoscaling objects the workload tests apply.
enum WorkloadFixtures {
    static func statefulSet(
        _ name: String = "web", replicas: Int, image: String = "nginx:1.27", cpu: String? = nil,
        claimTemplates: [String] = ["www"], storage: String = "1Gi", storageClass: String? = nil,
        policy: String? = nil, updateStrategy: Value? = nil, retention: Value? = nil
    ) -> Resource {
        var container: Value = ["name": "app", "image": .string(image)]
        if let cpu { container["resources"] = ["requests": ["cpu": .string(cpu)]] }
        var spec: Value = [
            "replicas": .int(replicas),
            "serviceName": .string(name),
            "selector": ["matchLabels": ["app": .string(name)]],
            "template": [
                "metadata": ["labels": ["app": .string(name)]],
                "spec": ["containers": [container]],
            ],
        ]
        if !claimTemplates.isEmpty {
            spec["volumeClaimTemplates"] = .array(
                claimTemplates.map { template in
                    var claimSpec: Value = [
                        "accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": .string(storage)]],
                    ]
                    if let storageClass { claimSpec["storageClassName"] = .string(storageClass) }
                    return ["metadata": ["name": .string(template)], "spec": claimSpec]
                })
        }
        if let policy { spec["podManagementPolicy"] = .string(policy) }
        if let updateStrategy { spec["updateStrategy"] = updateStrategy }
        if let retention { spec["persistentVolumeClaimRetentionPolicy"] = retention }
        return Resource(apiVersion: "apps/v1", kind: "StatefulSet", namespace: "default", name: name, spec: spec)
    }

    static func claim(
        _ name: String, storage: String = "1Gi", storageClass: String? = nil, accessModes: [String] = ["ReadWriteOnce"]
    ) -> Resource {
        var spec: Value = [
            "accessModes": .array(accessModes.map(Value.string)),
            "resources": ["requests": ["storage": .string(storage)]],
        ]
        if let storageClass { spec["storageClassName"] = .string(storageClass) }
        return Resource(apiVersion: "v1", kind: "PersistentVolumeClaim", namespace: "default", name: name, spec: spec)
    }

    static func volume(
        _ name: String, capacity: String, storageClass: String? = "standard", accessModes: [String] = ["ReadWriteOnce"],
        reclaimPolicy: String? = nil
    ) -> Resource {
        var spec: Value = [
            "capacity": ["storage": .string(capacity)], "accessModes": .array(accessModes.map(Value.string)),
            "hostPath": ["path": .string("/data/\(name)")],
        ]
        if let storageClass { spec["storageClassName"] = .string(storageClass) }
        if let reclaimPolicy { spec["persistentVolumeReclaimPolicy"] = .string(reclaimPolicy) }
        return Resource(apiVersion: "v1", kind: "PersistentVolume", name: name, spec: spec)
    }

    static func storageClass(
        _ name: String, provisioner: String = "ebs.csi.aws.com", bindingMode: String? = nil,
        reclaimPolicy: String? = nil
    ) -> Resource {
        var object = Resource(apiVersion: "storage.k8s.io/v1", kind: "StorageClass", name: name)
        object.value["provisioner"] = .string(provisioner)
        if let bindingMode { object.value["volumeBindingMode"] = .string(bindingMode) }
        if let reclaimPolicy { object.value["reclaimPolicy"] = .string(reclaimPolicy) }
        return object
    }

    static func autoscaler(
        _ name: String = "web", kind: String = "Deployment", target: String = "web", minReplicas: Int? = nil,
        maxReplicas: Int, cpuUtilization: Int = 50, behavior: Value? = nil
    ) -> Resource {
        var spec: Value = [
            "scaleTargetRef": ["apiVersion": "apps/v1", "kind": .string(kind), "name": .string(target)],
            "maxReplicas": .int(maxReplicas),
            "metrics": [
                [
                    "type": "Resource",
                    "resource": [
                        "name": "cpu", "target": ["type": "Utilization", "averageUtilization": .int(cpuUtilization)],
                    ],
                ]
            ],
        ]
        if let minReplicas { spec["minReplicas"] = .int(minReplicas) }
        if let behavior { spec["behavior"] = behavior }
        return Resource(
            apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", namespace: "default", name: name, spec: spec)
    }

    static func service(_ name: String, selector: [String: String]) -> Resource {
        Resource(
            apiVersion: "v1", kind: "Service", namespace: "default", name: name,
            spec: ["selector": .object(selector.mapValues(Value.string)), "ports": [["port": 80]]])
    }

    static func statefulSetKey(_ name: String = "web") -> ResourceKey {
        ResourceKey(group: "apps", kind: "StatefulSet", namespace: "default", name: name)
    }

    static func claimKey(_ name: String) -> ResourceKey {
        ResourceKey(group: "", kind: "PersistentVolumeClaim", namespace: "default", name: name)
    }

    static func podKey(_ name: String) -> ResourceKey {
        ResourceKey(group: "", kind: "Pod", namespace: "default", name: name)
    }

    static func autoscalerKey(_ name: String = "web") -> ResourceKey {
        ResourceKey(group: "autoscaling", kind: "HorizontalPodAutoscaler", namespace: "default", name: name)
    }

    static func serviceKey(_ name: String) -> ResourceKey {
        ResourceKey(group: "", kind: "Service", namespace: "default", name: name)
    }

    /// A temporary state store path, removed by the caller.
    static func statePath() -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capstan-workloads-\(UUID().uuidString)")
        return (folder, folder.appendingPathComponent("state.sqlite").path)
    }
}

extension SimulatedCluster {
    func claims() async throws -> [Resource] {
        try await list(ResourceTypes.persistentVolumeClaim, namespace: "default")
    }

    func volumes() async throws -> [Resource] {
        try await list(ResourceTypes.persistentVolume, namespace: nil)
    }

    /// Events about one object, as `kubectl describe` lists them.
    func events(about name: String, kind: String) async throws -> [Resource] {
        try await list(ResourceTypes.event, namespace: nil).filter {
            $0.value[path: ["involvedObject", "name"]]?.stringValue == name
                && $0.value[path: ["involvedObject", "kind"]]?.stringValue == kind
        }
    }

    /// Every stored object but Events, by key: equal before and after a reopen when nothing was written.
    func allObjects() async throws -> [ResourceKey: Resource] {
        var objects: [ResourceKey: Resource] = [:]
        for (group, kind) in storedTypes() where kind != "Event" {
            let type = ResourceType(group: group, version: "v1", kind: kind, plural: kind.lowercased())
            for object in try await list(type, namespace: nil) { objects[object.key] = object }
        }
        return objects
    }

    /// Names of the pods in `default`, sorted.
    func podNames() async throws -> [String] {
        try await pods().map(\.name).sorted()
    }
}
