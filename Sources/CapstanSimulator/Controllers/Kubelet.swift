import CapstanModel
import Foundation

/// The kubelets of all simulated nodes: each bound pod goes through its image pulls to Running, becomes Ready
/// after its readiness probe's initial delay, gets an IP, and has its containers restarted with back-off when
/// they exit or fail their liveness probe (see `PodSync`). The kubelet of a failed node does nothing until the
/// node recovers. Pods of nodes with an external runtime (`ExternalRuntime`) are their agent's.
struct Kubelet: Controller {
    let id = ControllerID.kubelet
    private var addresses = PodAddressAllocator()
    private var podsByNode = PodsByNode()
    /// The resource version of each pod as the kubelet last wrote it: its own write needs no second look, since
    /// the sync that made it already asked for the next wake-up.
    private var written: [ResourceKey: String] = [:]

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        guard change.key.group.isEmpty else { return [] }
        if change.key.kind == "Node" {
            addresses.nodesChanged()
            // A recovered node's kubelet reports its pods again.
            let recovered =
                change.kind == .modified && change.previous.flatMap(NodeFailure.failedAt) != nil
                && NodeFailure.failedAt(change.object) == nil
            return recovered ? podsByNode.pods(on: change.key.name) : []
        }
        guard change.key.kind == "Pod" else { return [] }
        addresses.observe(change)
        podsByNode.observe(change)
        guard change.kind != .deleted, !change.object.nodeName.isEmpty, !change.object.isPodTerminated else {
            written[change.key] = nil
            return []
        }
        if let version = written[change.key], version == change.object.resourceVersion { return [] }
        return [change.key]
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard var pod = plane.store[key], !pod.nodeName.isEmpty, !pod.isPodTerminated,
            !NodeFailure.isKubeletDown(for: pod, in: plane.store), !ExternalRuntime.runs(pod, in: plane.store)
        else { return }
        var sync = PodSync(pod: pod, plane: plane)
        sync.run(hostIP: PodAddressAllocator.nodeAddress(pod.nodeName, plane.store))
        if sync.isFirstStart {
            sync.status.assignAddress(addresses.allocate(for: key, node: pod.nodeName, plane.store))
        }
        pod.status = sync.status.value
        sync.record.write(to: &pod)
        if plane.store.update(pod) { written[key] = plane.store[key]?.resourceVersion }
        for event in sync.events {
            plane.recordEvent(pod, type: event.type, reason: event.reason, message: event.message)
        }
        if let wakeAt = sync.wakeAt { plane.requeue(.kubelet, key, at: wakeAt) }
    }
}
