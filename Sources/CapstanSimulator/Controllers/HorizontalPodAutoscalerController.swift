import CapstanModel
import Foundation

/// Scales Deployments, StatefulSets and ReplicaSets on the cpu utilization of their pods (autoscaling/v2).
/// Each HPA is synced every 15 s (`--horizontal-pod-autoscaler-sync-period`), first 15 s after it is created,
/// as kube-controller-manager's rate-limited queue does; a change to the HPA does not sync it sooner.
struct HorizontalPodAutoscalerController: Controller {
    let id = ControllerID.horizontalPodAutoscaler
    static let syncPeriod: Int64 = 15_000

    /// The last sync instant (milliseconds) of each HPA by uid. On first sight every instant up to now counts
    /// as done: a new HPA has none, and a reopened cluster's stored status already reflects them.
    private var lastSync: [String: Int64] = [:]

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        guard change.key.group == "autoscaling", change.key.kind == "HorizontalPodAutoscaler" else { return [] }
        let uid = change.object.uid
        if change.kind == .deleted {
            lastSync[uid] = nil
            return []
        }
        if lastSync[uid] == nil { lastSync[uid] = Self.lastInstant(of: change.object, atOrBefore: plane.now) }
        return [change.key]
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard let autoscaler = plane.store[key] else { return }
        let uid = autoscaler.uid
        let done = lastSync[uid] ?? Self.lastInstant(of: autoscaler, atOrBefore: plane.now)
        let due = done + Self.syncPeriod
        guard SimulatedTime.milliseconds(plane.now) >= due else {
            plane.requeue(.horizontalPodAutoscaler, key, at: Date(timeIntervalSince1970: Double(due) / 1000))
            return
        }
        let now = Self.lastInstant(of: autoscaler, atOrBefore: plane.now)
        lastSync[uid] = now
        var sync = HorizontalPodAutoscalerSync(autoscaler: autoscaler, plane: plane)
        sync.run(&plane)
        let next = Date(timeIntervalSince1970: Double(now + Self.syncPeriod) / 1000)
        plane.requeue(.horizontalPodAutoscaler, key, at: next)
    }

    /// The latest sync instant (creation + k × 15 s) not after `time`; the creation time itself when none.
    static func lastInstant(of autoscaler: Resource, atOrBefore time: Date) -> Int64 {
        let created = SimulatedTime.milliseconds(autoscaler.creationTimestamp ?? time)
        let now = SimulatedTime.milliseconds(time)
        guard now > created else { return created }
        return created + (now - created) / syncPeriod * syncPeriod
    }
}
