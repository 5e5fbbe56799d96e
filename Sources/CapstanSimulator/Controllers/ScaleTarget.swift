import CapstanModel

/// The object an HPA scales, through what its scale subresource would show: `spec.replicas` and the
/// pod selector. Deployments, StatefulSets and ReplicaSets have one.
struct ScaleTarget {
    /// Resource names of the scalable kinds, as API errors spell them.
    static let resources: [String: String] = [
        "Deployment": "deployments.apps", "StatefulSet": "statefulsets.apps", "ReplicaSet": "replicasets.apps",
    ]

    private(set) var object: Resource

    /// The target's scale, or the error the API would give (`deployments.apps "web" not found`).
    static func find(_ spec: HorizontalPodAutoscalerSpec, namespace: String, in store: ObjectStore) -> Result<
        ScaleTarget, ScaleTargetError
    > {
        let group = spec.targetAPIVersion.split(separator: "/").dropLast().first.map(String.init) ?? ""
        guard group == "apps", let resource = resources[spec.targetKind] else {
            return .failure(
                ScaleTargetError(message: "no matches for kind \"\(spec.targetKind)\" in group \"\(group)\""))
        }
        let key = ResourceKey(group: group, kind: spec.targetKind, namespace: namespace, name: spec.targetName)
        guard let object = store[key] else {
            return .failure(ScaleTargetError(message: "\(resource) \"\(spec.targetName)\" not found"))
        }
        return .success(ScaleTarget(object: object))
    }

    /// `spec.replicas`.
    var replicas: Int { object.spec?["replicas"]?.intValue ?? 1 }

    /// The pod selector, nil when the target has none.
    var selector: LabelSelector? {
        guard let value = object.spec?["selector"] else { return nil }
        let selector = LabelSelector(value)
        return selector.isEmpty ? nil : selector
    }

    /// The pods the selector matches in the target's namespace.
    func pods(in store: ObjectStore) -> [Resource] {
        guard let selector else { return [] }
        return store.list(group: "", kind: "Pod", namespace: object.namespace).filter { selector.matches($0.labels) }
    }

    /// Writes `spec.replicas` as a scale update does (a spec change: the generation moves).
    mutating func scale(to replicas: Int, _ plane: inout ControlPlane) {
        object.value[path: ["spec", "replicas"]] = .int(replicas)
        object.generation += 1
        plane.store.update(object)
        object = plane.store[object.key] ?? object
    }
}

/// Why an HPA could not read its target's scale.
struct ScaleTargetError: Error {
    var message: String
}
