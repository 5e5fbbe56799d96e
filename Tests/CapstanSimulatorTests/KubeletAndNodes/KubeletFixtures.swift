import CapstanCluster
import CapstanModel
import Foundation

@testable import CapstanSimulator

/// Pods and helpers for the kubelet and node tests.
enum KubeletFixtures {
    /// The simulated time `seconds` after the fixtures' epoch.
    static func at(_ seconds: Double) -> Date { SimulatedTime.quantize(Fixtures.epoch.addingTimeInterval(seconds)) }

    static func podKey(_ name: String, namespace: String = "default") -> ResourceKey {
        ResourceKey(group: "", kind: "Pod", namespace: namespace, name: name)
    }

    /// A bare pod with one container `app`.
    static func pod(
        _ name: String, image: String = "nginx:1.27", restartPolicy: String? = nil, readinessDelay: Int? = nil,
        livenessProbe: Value? = nil, annotations: [String: String] = [:], tolerations: [Value]? = nil,
        nodeSelector: [String: String]? = nil
    ) -> Resource {
        var container: Value = ["name": "app", "image": .string(image)]
        if let readinessDelay {
            container["readinessProbe"] = [
                "httpGet": ["path": "/", "port": 80], "initialDelaySeconds": .int(readinessDelay),
            ]
        }
        if let livenessProbe { container["livenessProbe"] = livenessProbe }
        var spec: Value = ["containers": [container]]
        if let restartPolicy { spec["restartPolicy"] = .string(restartPolicy) }
        if let tolerations { spec["tolerations"] = .array(tolerations) }
        if let nodeSelector { spec["nodeSelector"] = .object(nodeSelector.mapValues(Value.string)) }
        var pod = Resource(apiVersion: "v1", kind: "Pod", namespace: "default", name: name, spec: spec)
        pod.annotations = annotations
        return pod
    }
}

extension SimulatedCluster {
    /// The pod named `name` in `default`, failing the test when it does not exist.
    func pod(_ name: String) async throws -> Resource {
        guard let pod = try await object(KubeletFixtures.podKey(name)) else {
            throw ClusterError(.notFound, "pod \(name) does not exist")
        }
        return pod
    }

    /// Advances to `seconds` after the fixtures' epoch.
    func advance(toSecond seconds: Double) async {
        advance(to: KubeletFixtures.at(seconds))
    }

    /// Events about the object named `name`, with `reason`.
    func events(about name: String, reason: String) async throws -> [Resource] {
        try await list(ResourceTypes.event, namespace: nil).filter {
            $0.value[path: ["involvedObject", "name"]]?.stringValue == name && $0.value["reason"]?.stringValue == reason
        }
    }
}

extension Resource {
    /// The status of the pod's first (or named) container.
    func container(_ name: String = "app") -> ContainerStatus? {
        (value[path: ["status", "containerStatuses"]]?.arrayValue ?? []).compactMap(ContainerStatus.init).first {
            $0.name == name
        }
    }

    /// A condition of a pod or node status.
    func condition(_ type: String) -> Value? {
        value[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }
}
