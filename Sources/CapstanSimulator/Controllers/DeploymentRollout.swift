import CapstanModel
import Foundation

/// One reconcile of one Deployment: its ReplicaSets, the new one for the current template, and the
/// scaling steps of the rollout strategy (kubernetes/pkg/controller/deployment).
struct DeploymentRollout {
    var deployment: Resource
    let spec: DeploymentSpec
    let templateHash: String
    /// ReplicaSets the Deployment controls, oldest revision first.
    var replicaSets: [Resource]

    init(deployment: Resource, templateHash: String, plane: ControlPlane) {
        self.deployment = deployment
        spec = DeploymentSpec(deployment)
        self.templateHash = templateHash
        replicaSets = plane.store.unorderedDependents(ofUID: deployment.uid)
            .filter { $0.kind == "ReplicaSet" && $0.controllerReference?.uid == deployment.uid }
            .sorted { ($0.revision, $0.name) < ($1.revision, $1.name) }
    }

    var newReplicaSet: Resource? { replicaSets.first { $0.labels["pod-template-hash"] == templateHash } }
    var oldReplicaSets: [Resource] { replicaSets.filter { $0.labels["pod-template-hash"] != templateHash } }
    var maxRevision: Int { replicaSets.map(\.revision).max() ?? 0 }

    /// Creates the ReplicaSet for the current template, or makes an old one current again (a rollback);
    /// returns true when one was created. Either way the new ReplicaSet carries the Deployment's annotations
    /// (Kubernetes' `SetNewReplicaSetAnnotations`).
    mutating func ensureNewReplicaSet(_ plane: inout ControlPlane) -> Bool {
        if var existing = newReplicaSet {
            var changed = copyAnnotations(to: &existing)
            let otherMax = oldReplicaSets.map(\.revision).max() ?? 0
            if existing.revision <= otherMax {
                existing.annotations["deployment.kubernetes.io/revision"] = String(otherMax + 1)
                changed = true
            }
            if existing.spec?["minReadySeconds"]?.intValue ?? 0 != spec.minReadySeconds {
                existing.value[path: ["spec", "minReadySeconds"]] = .int(spec.minReadySeconds)
                changed = true
            }
            if changed { store(existing, &plane) }
            return false
        }
        var template = spec.template
        var labels = template[path: ["metadata", "labels"]]?.objectValue ?? [:]
        labels["pod-template-hash"] = .string(templateHash)
        template[path: ["metadata", "labels"]] = .object(labels)
        var selector = spec.selector
        var matchLabels = selector["matchLabels"]?.objectValue ?? [:]
        matchLabels["pod-template-hash"] = .string(templateHash)
        selector["matchLabels"] = .object(matchLabels)

        var replicaSet = Resource(
            apiVersion: "apps/v1", kind: "ReplicaSet", namespace: deployment.namespace,
            name: "\(deployment.name)-\(templateHash)")
        replicaSet.value[path: ["metadata", "labels"]] = .object(labels)
        _ = copyAnnotations(to: &replicaSet)
        replicaSet.annotations["deployment.kubernetes.io/revision"] = String(maxRevision + 1)
        replicaSet.annotations["deployment.kubernetes.io/desired-replicas"] = String(spec.replicas)
        replicaSet.annotations["deployment.kubernetes.io/max-replicas"] = String(spec.replicas + spec.maxSurge)
        replicaSet.ownerReferences = [OwnerReference(controlledBy: deployment)]
        replicaSet.spec = [
            "replicas": 0, "minReadySeconds": .int(spec.minReadySeconds), "selector": selector, "template": template,
        ]
        plane.createObject(replicaSet)
        if let created = plane.store[replicaSet.key] { replicaSets.append(created) }
        return true
    }

    /// Copies the Deployment's annotations onto a ReplicaSet (`copyDeploymentAnnotationsToReplicaSet`): all but
    /// `kubectl.kubernetes.io/last-applied-configuration` and the `deployment.kubernetes.io/` ones the controller
    /// sets per ReplicaSet. Like Kubernetes, it adds and overwrites, never removes. Returns true when one changed.
    func copyAnnotations(to replicaSet: inout Resource) -> Bool {
        var annotations = replicaSet.annotations
        var changed = false
        for (key, value) in deployment.annotations where !Self.skipsCopy(key) && annotations[key] != value {
            annotations[key] = value
            changed = true
        }
        if changed { replicaSet.annotations = annotations }
        return changed
    }

    /// Annotations of a Deployment that its ReplicaSets do not get (Kubernetes' `skipCopyAnnotation`).
    static func skipsCopy(_ key: String) -> Bool {
        key == "kubectl.kubernetes.io/last-applied-configuration" || key.hasPrefix("deployment.kubernetes.io/")
            || key == "deprecated.deployment.rollback.to"
    }

    /// Sets a ReplicaSet's desired count, with the event `kubectl describe deployment` shows.
    mutating func scale(_ replicaSet: Resource, to count: Int, _ plane: inout ControlPlane) {
        let current = replicaSet.spec?["replicas"]?.intValue ?? 0
        guard current != count else { return }
        var updated = replicaSet
        updated.value[path: ["spec", "replicas"]] = .int(count)
        updated.annotations["deployment.kubernetes.io/desired-replicas"] = String(spec.replicas)
        updated.annotations["deployment.kubernetes.io/max-replicas"] = String(spec.replicas + spec.maxSurge)
        store(updated, &plane)
        let direction = count > current ? "up" : "down"
        plane.recordEvent(
            deployment, reason: "ScalingReplicaSet",
            message: "Scaled \(direction) replica set \(replicaSet.name) to \(count) from \(current)")
    }

    /// Writes a changed ReplicaSet and keeps the local list current.
    mutating func store(_ replicaSet: Resource, _ plane: inout ControlPlane) {
        plane.store.update(replicaSet)
        let stored = plane.store[replicaSet.key] ?? replicaSet
        if let index = replicaSets.firstIndex(where: { $0.key == replicaSet.key }) {
            replicaSets[index] = stored
        }
    }
}

extension Resource {
    /// `deployment.kubernetes.io/revision` of a ReplicaSet or Deployment.
    var revision: Int { Int(annotations["deployment.kubernetes.io/revision"] ?? "") ?? 0 }

    /// `spec.replicas` of a ReplicaSet (or any scalable object).
    var specReplicas: Int { spec?["replicas"]?.intValue ?? 0 }

    func statusCount(_ field: String) -> Int { status?[field]?.intValue ?? 0 }
}
