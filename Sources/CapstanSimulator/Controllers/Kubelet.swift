import CapstanModel
import Foundation

/// The kubelets of all simulated nodes: takes a bound pod through ContainerCreating to Running after the
/// start delay, marks it Ready once its readiness probe's initial delay has passed, and gives it an IP.
struct Kubelet: Controller {
    let id = ControllerID.kubelet
    private var addresses = PodAddressAllocator()

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        if change.key.group.isEmpty, change.key.kind == "Node" { addresses.nodesChanged() }
        guard change.key.group.isEmpty, change.key.kind == "Pod" else { return [] }
        addresses.observe(change)
        guard change.kind != .deleted, !change.object.nodeName.isEmpty, !change.object.isPodTerminated else {
            return []
        }
        return [change.key]
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard var pod = plane.store[key], !pod.nodeName.isEmpty, !pod.isPodTerminated else { return }
        let startDelay = plane.options.startDelay.seconds
        var status = PodStatusBuilder(pod: pod, now: plane.timestamp)

        guard let startTime = status.startTime else {
            // Just bound: the kubelet starts pulling the image and creating the containers.
            status.beginCreating(hostIP: PodAddressAllocator.nodeAddress(pod.nodeName, plane.store))
            pod.status = status.value
            plane.store.update(pod)
            plane.recordEvent(pod, reason: "Pulling", message: "Pulling image \"\(imageList(pod))\"")
            plane.requeue(.kubelet, key, after: startDelay)
            return
        }
        if pod.podPhase == "Pending" {
            let runningAt = startTime.addingTimeInterval(startDelay)
            guard plane.hasReached(runningAt) else {
                plane.requeue(.kubelet, key, at: runningAt)
                return
            }
            let ip = addresses.allocate(for: key, node: pod.nodeName, plane.store)
            status.startRunning(podIP: ip)
            plane.recordEvent(pod, reason: "Started", message: "Started container \(firstContainerName(pod))")
        }
        // Readiness: each container is ready once its readiness probe's initial delay has passed.
        var nextCheck: Date?
        for (index, container) in pod.containers.enumerated() {
            guard let startedAt = status.containerStartedAt(index) else { continue }
            let delay = TimeInterval(container[path: ["readinessProbe", "initialDelaySeconds"]]?.intValue ?? 0)
            let readyAt = startedAt.addingTimeInterval(delay)
            if plane.hasReached(readyAt) {
                status.setContainerReady(index)
            } else {
                nextCheck = min(nextCheck ?? readyAt, readyAt)
            }
        }
        status.updateReadyConditions()
        pod.status = status.value
        plane.store.update(pod)
        if let nextCheck { plane.requeue(.kubelet, key, at: nextCheck) }
    }

    private func imageList(_ pod: Resource) -> String {
        pod.containers.compactMap { $0["image"]?.stringValue }.joined(separator: ", ")
    }

    private func firstContainerName(_ pod: Resource) -> String {
        pod.containers.first?["name"]?.stringValue ?? "main"
    }
}
