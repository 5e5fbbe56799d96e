import CapstanModel
import Foundation

/// Rolls Deployments out through ReplicaSets keyed by `pod-template-hash` (RollingUpdate and Recreate),
/// keeps old ReplicaSets up to `revisionHistoryLimit`, and reports status and conditions.
struct DeploymentController: Controller {
    let id = ControllerID.deployment
    /// `pod-template-hash` per Deployment uid and generation: the template only changes with the generation.
    private var templateHashes: [String: (generation: Int, hash: String)] = [:]

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        switch (change.key.group, change.key.kind) {
        case ("apps", "Deployment"):
            if change.kind == .deleted { templateHashes[change.object.uid] = nil }
            return [change.key]
        case ("apps", "ReplicaSet"):
            return change.object.ownerReferences.filter { $0.controller && $0.kind == "Deployment" }.map {
                ResourceKey(group: "apps", kind: "Deployment", namespace: change.key.namespace, name: $0.name)
            }
        default: return []
        }
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard let deployment = plane.store[key] else { return }
        var rollout = DeploymentRollout(deployment: deployment, templateHash: templateHash(deployment), plane: plane)
        let previousStatus = deployment.status
        var createdNewReplicaSet = false
        if !rollout.spec.paused {
            createdNewReplicaSet = rollout.ensureNewReplicaSet(&plane)
            if rollout.spec.recreate {
                rollout.recreate(&plane)
            } else {
                rollout.rollOut(&plane)
            }
            rollout.cleanUpOldReplicaSets(&plane)
        }
        rollout.updateStatus(previousStatus: previousStatus, createdNewReplicaSet: createdNewReplicaSet, &plane)
    }

    private mutating func templateHash(_ deployment: Resource) -> String {
        let uid = deployment.uid
        let generation = deployment.generation
        if let cached = templateHashes[uid], cached.generation == generation { return cached.hash }
        let hash = PodTemplateHash.compute(deployment.spec?["template"] ?? [:])
        templateHashes[uid] = (generation, hash)
        return hash
    }
}
