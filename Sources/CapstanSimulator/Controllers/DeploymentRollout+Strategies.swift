import CapstanModel

/// The RollingUpdate and Recreate strategies, step by step as kube-controller-manager takes them.
extension DeploymentRollout {
    /// RollingUpdate: scale the new ReplicaSet up within maxSurge, then the old ones down within maxUnavailable.
    mutating func rollOut(_ plane: inout ControlPlane) {
        guard let newRS = newReplicaSet else { return }
        reconcileNewReplicaSet(newRS, &plane)
        reconcileOldReplicaSets(&plane)
    }

    private mutating func reconcileNewReplicaSet(_ newRS: Resource, _ plane: inout ControlPlane) {
        let desired = spec.replicas
        let current = newRS.specReplicas
        if current == desired { return }
        if current > desired {
            scale(newRS, to: desired, &plane)
            return
        }
        let totalPods = replicaSets.reduce(0) { $0 + $1.specReplicas }
        let maxTotalPods = desired + spec.maxSurge
        guard totalPods < maxTotalPods else { return }
        let scaleUp = min(maxTotalPods - totalPods, desired - current)
        scale(newRS, to: current + scaleUp, &plane)
    }

    private mutating func reconcileOldReplicaSets(_ plane: inout ControlPlane) {
        guard let newRS = newReplicaSet else { return }
        let oldPods = oldReplicaSets.reduce(0) { $0 + $1.specReplicas }
        guard oldPods > 0 else { return }
        let allPods = replicaSets.reduce(0) { $0 + $1.specReplicas }
        let minAvailable = spec.replicas - spec.maxUnavailable
        let newUnavailable = newRS.specReplicas - newRS.statusCount("availableReplicas")
        let maxScaledDown = allPods - minAvailable - newUnavailable
        guard maxScaledDown > 0 else { return }

        // First drop old replicas that are not available anyway: that costs no availability.
        var cleaned = 0
        for old in oldReplicaSets where cleaned < maxScaledDown {
            let replicas = old.specReplicas
            let unhealthy = replicas - old.statusCount("availableReplicas")
            guard replicas > 0, unhealthy > 0 else { continue }
            let drop = min(unhealthy, maxScaledDown - cleaned)
            scale(old, to: replicas - drop, &plane)
            cleaned += drop
        }

        // Then scale old ReplicaSets down as far as availability allows.
        let available = replicaSets.reduce(0) { $0 + $1.statusCount("availableReplicas") }
        var remaining = min(available - minAvailable, maxScaledDown - cleaned)
        for old in oldReplicaSets where remaining > 0 {
            let replicas = old.specReplicas
            guard replicas > 0 else { continue }
            let drop = min(replicas, remaining)
            scale(old, to: replicas - drop, &plane)
            remaining -= drop
        }
    }

    /// Recreate: scale every old ReplicaSet to zero, wait until their pods are gone, then scale up the new one.
    mutating func recreate(_ plane: inout ControlPlane) {
        var scaledDown = false
        for old in oldReplicaSets where old.specReplicas > 0 {
            scale(old, to: 0, &plane)
            scaledDown = true
        }
        if scaledDown { return }
        let oldPodsRemain = oldReplicaSets.contains { replicaSet in
            replicaSet.statusCount("replicas") > 0
                || plane.store.unorderedDependents(ofUID: replicaSet.uid).contains {
                    $0.kind == "Pod" && !$0.isPodTerminated
                }
        }
        guard !oldPodsRemain, let newRS = newReplicaSet else { return }
        scale(newRS, to: spec.replicas, &plane)
    }

    /// Deletes old, empty ReplicaSets beyond `revisionHistoryLimit`, oldest first.
    mutating func cleanUpOldReplicaSets(_ plane: inout ControlPlane) {
        let empty = oldReplicaSets.filter { $0.specReplicas == 0 && $0.statusCount("replicas") == 0 }
        let excess = empty.count - spec.revisionHistoryLimit
        guard excess > 0 else { return }
        for old in empty.prefix(excess) {
            plane.store.delete(old.key)
            replicaSets.removeAll { $0.key == old.key }
        }
    }
}
