import CapstanCluster
import CapstanModel

/// The objects every cluster starts with: system namespaces, the `kubernetes` Service, the default StorageClass and
/// the configured nodes.
extension SimulatedCluster {
    static let systemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"]

    /// Creates missing system namespaces and makes the Node objects match the configured nodes.
    static func bootstrap(_ plane: inout ControlPlane) {
        for name in systemNamespaces {
            let key = ResourceKey(group: "", kind: "Namespace", namespace: "", name: name)
            guard plane.store[key] == nil else { continue }
            var namespace = Resource(apiVersion: "v1", kind: "Namespace", name: name)
            namespace.status = ["phase": "Active"]
            plane.createObject(namespace)
        }
        bootstrapKubernetesService(&plane)
        if plane.store[StorageClasses.standard.key] == nil { plane.createObject(StorageClasses.standard) }
        let configured = plane.options.nodes
        let wanted = Set(configured.map(\.name))
        for existing in plane.store.list(group: "", kind: "Node") where !wanted.contains(existing.name) {
            plane.store.delete(existing.key)
        }
        for (index, node) in configured.sorted(by: { $0.name < $1.name }).enumerated() {
            let desired = nodeObject(node, index: index)
            if var existing = plane.store[desired.key] {
                existing.value[path: ["metadata", "labels"]] = desired.value[path: ["metadata", "labels"]]
                existing.spec = NodeTaints.preservingState(of: existing.spec, in: desired.spec)
                existing.value[path: ["status", "capacity"]] = desired.value[path: ["status", "capacity"]]
                existing.value[path: ["status", "allocatable"]] = desired.value[path: ["status", "allocatable"]]
                plane.store.update(existing)
            } else {
                plane.createObject(desired)
            }
        }
    }

    static func nodeObject(_ node: SimulatedNode, index: Int) -> Resource {
        var object = Resource(apiVersion: "v1", kind: "Node", name: node.name)
        var labels = node.labels
        labels["kubernetes.io/hostname"] = node.name
        labels["kubernetes.io/os"] = "linux"
        object.labels = labels
        object.spec = node.taints.isEmpty ? [:] : ["taints": .array(node.taints.map(\.asValue))]
        let capacity: Value = [
            "cpu": .string(node.cpu.description), "memory": .string(node.memory.description),
            "pods": .string(String(node.pods)),
        ]
        object.status = [
            "capacity": capacity,
            "allocatable": capacity,
            "conditions": [
                [
                    "type": "Ready", "status": "True", "reason": "KubeletReady",
                    "message": "kubelet is posting ready status",
                ]
            ],
            "addresses": [
                ["type": "InternalIP", "address": .string("10.10.0.\(index + 10)")],
                ["type": "Hostname", "address": .string(node.name)],
            ],
            "nodeInfo": ["kubeletVersion": "v1.31.0-capstan", "operatingSystem": "linux", "architecture": "amd64"],
        ]
        return object
    }
}
