import CapstanModel
import Foundation

/// Deployment status: counts from the ReplicaSets and the Available and Progressing conditions,
/// with `progressDeadlineSeconds` turning a stalled rollout into ProgressDeadlineExceeded.
extension DeploymentRollout {
    mutating func updateStatus(previousStatus: Value?, createdNewReplicaSet: Bool, _ plane: inout ControlPlane) {
        let previous = previousStatus ?? [:]
        let newRS = newReplicaSet
        let replicas = replicaSets.reduce(0) { $0 + $1.statusCount("replicas") }
        let updated = newRS?.statusCount("replicas") ?? 0
        let ready = replicaSets.reduce(0) { $0 + $1.statusCount("readyReplicas") }
        let available = replicaSets.reduce(0) { $0 + $1.statusCount("availableReplicas") }
        let desired = spec.replicas

        var status: Value = [
            "observedGeneration": .int(deployment.generation),
            "replicas": .int(replicas),
            "updatedReplicas": .int(updated),
            "readyReplicas": .int(ready),
            "availableReplicas": .int(available),
            "unavailableReplicas": .int(max(desired - available, 0)),
        ]
        var conditions = DeploymentConditions(previous["conditions"]?.arrayValue ?? [], now: plane.timestamp)

        let minAvailable = desired - (spec.recreate ? 0 : spec.maxUnavailable)
        if available >= minAvailable {
            conditions.set(
                "Available", status: "True", reason: "MinimumReplicasAvailable",
                message: "Deployment has minimum availability.")
        } else {
            conditions.set(
                "Available", status: "False", reason: "MinimumReplicasUnavailable",
                message: "Deployment does not have minimum availability.")
        }

        let rsName = newRS?.name ?? deployment.name
        let complete =
            newRS != nil && updated == desired && replicas == desired && available == desired
            && newRS!.specReplicas == desired
        let progressed =
            updated != previous["updatedReplicas"]?.intValue ?? 0
            || replicas - updated < (previous["replicas"]?.intValue ?? 0) - (previous["updatedReplicas"]?.intValue ?? 0)
            || ready > previous["readyReplicas"]?.intValue ?? 0
            || available > previous["availableReplicas"]?.intValue ?? 0
            || deployment.generation != previous["observedGeneration"]?.intValue
        if spec.paused {
            conditions.set(
                "Progressing", status: "Unknown", reason: "DeploymentPaused",
                message: "Deployment is paused")
        } else if complete {
            conditions.set(
                "Progressing", status: "True", reason: "NewReplicaSetAvailable",
                message: "ReplicaSet \"\(rsName)\" has successfully progressed.", touch: false)
        } else if createdNewReplicaSet {
            conditions.set(
                "Progressing", status: "True", reason: "NewReplicaSetCreated",
                message: "Created new replica set \"\(rsName)\"", touch: true)
        } else if progressed || conditions.reason("Progressing") == nil {
            conditions.set(
                "Progressing", status: "True", reason: "ReplicaSetUpdated",
                message: "ReplicaSet \"\(rsName)\" is progressing.", touch: true)
        } else if conditions.reason("Progressing") != "ProgressDeadlineExceeded",
            let lastUpdate = conditions.lastUpdate("Progressing"),
            plane.hasReached(lastUpdate.addingTimeInterval(TimeInterval(spec.progressDeadlineSeconds)))
        {
            conditions.set(
                "Progressing", status: "False", reason: "ProgressDeadlineExceeded",
                message: "ReplicaSet \"\(rsName)\" has timed out progressing.", touch: true)
            plane.recordEvent(
                deployment, type: .warning, reason: "ProgressDeadlineExceeded",
                message: "Deployment \"\(deployment.name)\" has timed out progressing.")
        }
        if !complete, !spec.paused, conditions.reason("Progressing") != "ProgressDeadlineExceeded",
            let lastUpdate = conditions.lastUpdate("Progressing")
        {
            plane.requeue(
                .deployment, deployment.key,
                at: lastUpdate.addingTimeInterval(TimeInterval(spec.progressDeadlineSeconds)))
        }
        status["conditions"] = .array(conditions.values)

        var updatedDeployment = deployment
        updatedDeployment.status = status
        if let newRS, newRS.revision > 0 {
            updatedDeployment.annotations["deployment.kubernetes.io/revision"] = String(newRS.revision)
        }
        plane.store.update(updatedDeployment)
        deployment = plane.store[deployment.key] ?? updatedDeployment
    }
}

/// The `status.conditions` list of a workload, updated the way Kubernetes does: the transition time moves
/// only when the status flips, the update time whenever the condition is touched.
struct DeploymentConditions {
    private(set) var values: [Value]
    let now: Value

    init(_ values: [Value], now: Value) {
        self.values = values
        self.now = now
    }

    func reason(_ type: String) -> String? { condition(type)?["reason"]?.stringValue }

    func lastUpdate(_ type: String) -> Date? {
        condition(type)?["lastUpdateTime"]?.stringValue.flatMap(SimulatedTime.parse)
    }

    private func condition(_ type: String) -> Value? { values.first { $0["type"]?.stringValue == type } }

    /// Sets a condition; `touch` moves lastUpdateTime even when nothing else changed.
    mutating func set(_ type: String, status: String, reason: String, message: String, touch: Bool = false) {
        let index = values.firstIndex { $0["type"]?.stringValue == type }
        let existing = index.map { values[$0] }
        let sameStatus = existing?["status"]?.stringValue == status
        let same =
            sameStatus && existing?["reason"]?.stringValue == reason
            && existing?["message"]?.stringValue == message
        if same && !touch { return }
        let condition: Value = [
            "type": .string(type), "status": .string(status), "reason": .string(reason),
            "message": .string(message),
            "lastUpdateTime": now,
            "lastTransitionTime": sameStatus ? (existing?["lastTransitionTime"] ?? now) : now,
        ]
        if let index { values[index] = condition } else { values.append(condition) }
    }
}
