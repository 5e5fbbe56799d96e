import CapstanCluster
import CapstanModel

/// Pod, container and image faults (`capstan sim kill-pod`, `crash`, `image fail|ok`). Each call changes the
/// cluster like the real event would and lets the controllers react before it returns.
extension SimulatedCluster {
    /// The pod disappears at once (no graceful termination); its owner replaces it in the same call.
    public func killPod(_ key: ResourceKey) throws(ClusterError) {
        _ = try existingPod(key)
        try APIServer.delete(key, in: &plane)
        if let failure = settle() { throw failure }
    }

    /// The pod's container (the first, or the one named) exits with code 1 (reason Error); the kubelet restarts
    /// it as the restartPolicy says, with CrashLoopBackOff between restarts.
    public func crashContainer(pod key: ResourceKey, container: String? = nil) throws(ClusterError) {
        var pod = try existingPod(key)
        try requireKubelet(for: pod)
        var status = PodStatusBuilder(pod: pod, now: plane.timestamp)
        let index = try containerIndex(container, in: status.containers, pod: pod)
        guard let startedAt = status.containers[index].runningSince else {
            throw ClusterError(
                .conflict, key: key,
                "container \(status.containers[index].name) is not running (\(Self.describe(status.containers[index].state))): only a running container can crash"
            )
        }
        var crashed = status.containers[index]
        crashed.state = .terminated(
            ContainerStatus.Termination(
                exitCode: 1, reason: "Error", startedAt: startedAt, finishedAt: plane.now,
                containerID: crashed.containerID))
        crashed.ready = false
        crashed.started = false
        status.containers[index] = crashed
        status.finish(restartPolicy: pod.spec?["restartPolicy"]?.stringValue ?? "Always")
        pod.status = status.value
        plane.store.update(pod)
        if let failure = settle() { throw failure }
    }

    /// Makes the liveness probe of the pod's container (all containers with a probe when nil) fail (`true`) or
    /// pass again (`false`), through the pod annotation `simulation.capstan.io/liveness-failing`.
    public func setLivenessFailing(pod key: ResourceKey, container: String? = nil, _ failing: Bool)
        throws(ClusterError)
    {
        var pod = try existingPod(key)
        let probed = pod.containers.filter { LivenessProbe(container: $0) != nil }.compactMap {
            $0["name"]?.stringValue
        }
        if let container, !probed.contains(container) {
            let exists = pod.containers.contains { $0["name"]?.stringValue == container }
            throw ClusterError(
                exists ? .invalid : .notFound, key: key,
                exists
                    ? "container \(container) has no livenessProbe, so a failing probe would change nothing"
                    : "container \(container) not found in pod \(pod.namespace)/\(pod.name)")
        }
        guard !probed.isEmpty else {
            throw ClusterError(
                .invalid, key: key, "no container of pod \(pod.namespace)/\(pod.name) has a livenessProbe")
        }
        var names = Set(
            (pod.annotations[LivenessProbe.failingAnnotation] ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty })
        let target = container ?? "*"
        if failing {
            names.insert(target)
        } else if target == "*" {
            names.removeAll()
        } else {
            if names.remove("*") != nil { names.formUnion(probed) }
            names.remove(target)
        }
        pod.annotations[LivenessProbe.failingAnnotation] = names.isEmpty ? nil : names.sorted().joined(separator: ",")
        plane.store.update(pod)
        if let failure = settle() { throw failure }
    }

    /// Makes pulls of `image` fail (`false`) or succeed again (`true`). Pods already waiting on the image keep
    /// their back-off: the next pull, when the back-off allows it, sees the change (up to 300 s later).
    public func setImagePullable(_ image: String, _ pullable: Bool) {
        if pullable {
            plane.faults.unpullableImages.remove(image)
        } else {
            plane.faults.unpullableImages.insert(image)
        }
    }

    private func existingPod(_ key: ResourceKey) throws(ClusterError) -> Resource {
        guard key.group.isEmpty, key.kind == "Pod" else {
            throw ClusterError(.invalid, key: key, "\(key.kind) is not a Pod: only pods can be killed or crashed")
        }
        guard let pod = plane.store[key] else {
            throw ClusterError(.notFound, key: key, "pods \"\(key.name)\" not found in namespace \(key.namespace)")
        }
        return pod
    }

    private func requireKubelet(for pod: Resource) throws(ClusterError) {
        guard !pod.nodeName.isEmpty else {
            throw ClusterError(.conflict, key: pod.key, "pod is not scheduled yet: it has no running container")
        }
        guard !NodeFailure.isKubeletDown(for: pod, in: plane.store) else {
            throw ClusterError(
                .conflict, key: pod.key,
                "node \(pod.nodeName) has failed: its kubelet reports nothing until it recovers")
        }
    }

    private func containerIndex(_ name: String?, in containers: [ContainerStatus], pod: Resource)
        throws(ClusterError) -> Int
    {
        guard let name else {
            guard !containers.isEmpty else { throw ClusterError(.invalid, key: pod.key, "pod has no containers") }
            return 0
        }
        guard let index = containers.firstIndex(where: { $0.name == name }) else {
            throw ClusterError(
                .notFound, key: pod.key, "container \(name) not found in pod \(pod.namespace)/\(pod.name)")
        }
        return index
    }

    private static func describe(_ state: ContainerStatus.State) -> String {
        switch state {
        case .waiting(let reason, _): return "waiting: \(reason)"
        case .running: return "running"
        case .terminated(let termination): return "terminated: \(termination.reason)"
        }
    }
}
