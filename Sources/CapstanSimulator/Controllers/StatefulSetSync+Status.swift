import CapstanModel
import Foundation

/// StatefulSet status: pod counts by readiness and revision, and the end of a rolling update (the update
/// revision becomes current once every pod runs it and is ready).
extension StatefulSetSync {
    func updateStatus(_ plane: inout ControlPlane) {
        let pods = Self.pods(of: set, plane.store).filter { pod in
            guard let ordinal = StatefulSetPods.ordinal(of: pod, in: set) else { return false }
            return ordinal >= 0
        }
        let ready = pods.filter(\.isRunningAndReady)
        let available = ready.filter { isAvailable($0, plane) }
        let live = pods.filter { !$0.isTerminating }
        var current = live.filter { $0.labels[StatefulSetRevisions.podRevisionLabel] == revisions.current.name }.count
        let updated = live.filter { $0.labels[StatefulSetRevisions.podRevisionLabel] == revisions.update.name }.count
        var currentRevision = revisions.current.name
        if !spec.onDelete, updated == pods.count, ready.count == pods.count {
            current = updated
            currentRevision = revisions.update.name
        }
        requeueForAvailability(ready, &plane)

        var updatedSet = set
        updatedSet.status = [
            "observedGeneration": .int(set.generation),
            "replicas": .int(pods.count),
            "readyReplicas": .int(ready.count),
            "currentReplicas": .int(current),
            "updatedReplicas": .int(updated),
            "availableReplicas": .int(available.count),
            "currentRevision": .string(currentRevision),
            "updateRevision": .string(revisions.update.name),
            "collisionCount": 0,
        ]
        plane.store.update(updatedSet)
        revisions.truncateHistory(pods: pods, limit: spec.revisionHistoryLimit, &plane)
    }

    /// Looks again when the next ready pod has been ready for `minReadySeconds`.
    private func requeueForAvailability(_ ready: [Resource], _ plane: inout ControlPlane) {
        guard spec.minReadySeconds > 0 else { return }
        let wait = TimeInterval(spec.minReadySeconds)
        let next = ready.compactMap(\.podReadySince).map { $0.addingTimeInterval(wait) }.filter {
            !plane.hasReached($0)
        }
        .min()
        if let next { plane.requeue(.statefulSet, set.key, at: next) }
    }
}
