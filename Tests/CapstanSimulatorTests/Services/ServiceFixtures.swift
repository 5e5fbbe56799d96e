import CapstanCluster
import CapstanModel
import Foundation

@testable import CapstanSimulator

/// Builders and probes for the Service tests.
enum ServiceFixtures {
    static func service(
        _ name: String, namespace: String = "default", selector: [String: String]? = nil,
        ports: [Value] = [["port": 80]],
        clusterIP: String? = nil, type: String? = nil, labels: [String: String] = [:], extra: Value = [:]
    ) -> Resource {
        var spec: Value = ["ports": .array(ports)]
        if let selector { spec["selector"] = .object(selector.mapValues(Value.string)) }
        if let clusterIP { spec["clusterIP"] = .string(clusterIP) }
        if let type { spec["type"] = .string(type) }
        for (key, value) in extra.objectValue ?? [:] { spec[key] = value }
        var service = Resource(apiVersion: "v1", kind: "Service", namespace: namespace, name: name, spec: spec)
        service.labels = labels
        return service
    }

    /// A Deployment whose pods carry `app: NAME` and the container ports given, ready `readyAfter` seconds after
    /// their containers start.
    static func deployment(
        _ name: String, namespace: String = "default", replicas: Int, ports: [Value] = [["containerPort": 8080]],
        readyAfter: Int = 0, podSpec: Value = [:]
    ) -> Resource {
        var container: Value = ["name": "app", "image": "nginx:1.27", "ports": .array(ports)]
        if readyAfter > 0 { container["readinessProbe"] = ["initialDelaySeconds": .int(readyAfter)] }
        var spec: Value = ["containers": [container]]
        for (key, value) in podSpec.objectValue ?? [:] { spec[key] = value }
        return Resource(
            apiVersion: "apps/v1", kind: "Deployment", namespace: namespace, name: name,
            spec: [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
                "template": ["metadata": ["labels": ["app": .string(name)]], "spec": spec],
            ])
    }

    /// A bare pod (no owner) with labels and container ports.
    static func pod(
        _ name: String, namespace: String = "default", labels: [String: String], ports: [Value] = [],
        spec extra: Value = [:]
    ) -> Resource {
        var container: Value = ["name": "app", "image": "nginx:1.27"]
        if !ports.isEmpty { container["ports"] = .array(ports) }
        var spec: Value = ["containers": [container]]
        for (key, value) in extra.objectValue ?? [:] { spec[key] = value }
        var pod = Resource(apiVersion: "v1", kind: "Pod", namespace: namespace, name: name, spec: spec)
        pod.labels = labels
        return pod
    }

    static func serviceKey(_ name: String, namespace: String = "default") -> ResourceKey {
        ResourceKey(group: "", kind: "Service", namespace: namespace, name: name)
    }

    static func endpointsKey(_ name: String, namespace: String = "default") -> ResourceKey {
        ResourceKey(group: "", kind: "Endpoints", namespace: namespace, name: name)
    }

    static func podKey(_ name: String, namespace: String = "default") -> ResourceKey {
        ResourceKey(group: "", kind: "Pod", namespace: namespace, name: name)
    }
}

/// Reading Endpoints in tests.
extension Resource {
    /// Pod names in `addresses` (or `notReadyAddresses`) of every subset, sorted.
    func endpointPods(ready: Bool = true) -> [String] {
        let field = ready ? "addresses" : "notReadyAddresses"
        return (value["subsets"]?.arrayValue ?? []).flatMap { subset in
            (subset[field]?.arrayValue ?? []).compactMap { $0[path: ["targetRef", "name"]]?.stringValue }
        }.sorted()
    }
}

extension SimulatedCluster {
    /// Runs `body` on the control plane as it is now (tests only).
    func inspect<T: Sendable>(_ body: (ControlPlane) -> T) -> T { body(plane) }
}
