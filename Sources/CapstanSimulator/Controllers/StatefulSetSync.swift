import CapstanModel

/// One reconcile of one StatefulSet (kubernetes/pkg/controller/statefulset `updateStatefulSet`): create the
/// missing pods of ordinals `start…start+replicas-1` (with their claims first), delete the pods beyond them from
/// the highest ordinal, then roll the template out from the highest ordinal down to the partition. In
/// OrderedReady mode every step waits until the pods before it are Running, Ready and available; Parallel
/// creates and deletes without waiting, but still updates one pod at a time.
struct StatefulSetSync {
    let set: Resource
    let spec: StatefulSetSpec
    let revisions: StatefulSetRevisions
    /// Pods of the wanted ordinals, by `ordinal - start`; nil where none exists.
    private(set) var replicas: [Resource?]
    /// Pods beyond the wanted ordinals, highest ordinal first.
    private(set) var condemned: [Resource]

    init(set: Resource, templateHash: String, _ plane: inout ControlPlane) {
        self.set = set
        spec = StatefulSetSpec(set)
        revisions = StatefulSetRevisions.resolve(for: set, spec, templateHash: templateHash, &plane)
        replicas = Array(repeating: nil, count: spec.replicas)
        condemned = []
        for pod in Self.pods(of: set, plane.store) {
            guard let ordinal = StatefulSetPods.ordinal(of: pod, in: set) else { continue }
            if ordinal >= spec.startOrdinal, ordinal <= spec.endOrdinal {
                replicas[ordinal - spec.startOrdinal] = pod
            } else {
                condemned.append(pod)
            }
        }
        condemned.sort { StatefulSetPods.ordinal(of: $0, in: set)! > StatefulSetPods.ordinal(of: $1, in: set)! }
    }

    static func pods(of set: Resource, _ store: ObjectStore) -> [Resource] {
        store.dependents(ofUID: set.uid).filter { $0.kind == "Pod" && $0.controllerReference?.uid == set.uid }
    }

    private var monotonic: Bool { !spec.parallel }

    /// Creates, replaces and checks the pods of the wanted ordinals; returns true when a step must wait.
    mutating func processReplicas(_ plane: inout ControlPlane) -> Bool {
        for index in replicas.indices {
            guard let pod = replicas[index] else {
                createPod(index, &plane)
                if monotonic { return true }
                continue
            }
            if pod.isPodTerminated {
                // A finished pod is deleted and made again under the same name on the next pass.
                if !pod.isTerminating { deletePod(pod, &plane) }
                replicas[index] = nil
                if monotonic { return true }
                continue
            }
            if pod.podPhase == "Pending" { createMissingClaims(spec.startOrdinal + index, pod: pod, &plane) }
            if monotonic, pod.isTerminating || !pod.isRunningAndReady || !isAvailable(pod, plane) { return true }
            restoreIdentity(pod, index, &plane)
        }
        return false
    }

    /// Deletes the pods beyond the wanted ordinals, highest first; OrderedReady deletes one per pass and only
    /// while the others are healthy (the first unhealthy pod may go).
    mutating func processCondemned(_ plane: inout ControlPlane) -> Bool {
        let firstUnhealthy =
            replicas.compactMap { $0 }.first { !$0.isHealthyStatefulPod }
            ?? condemned.reversed().first { !$0.isHealthyStatefulPod }
        for pod in condemned {
            if pod.isTerminating {
                if monotonic { return true }
                continue
            }
            if monotonic, pod.key != firstUnhealthy?.key, !pod.isRunningAndReady || !isAvailable(pod, plane) {
                return true
            }
            if spec.deleteClaimsOnScaleDown { handClaimsTo(pod, &plane) }
            deletePod(pod, &plane)
            if monotonic { return true }
        }
        return false
    }

    /// RollingUpdate: deletes the highest-ordinal pod (at or above the partition) not at the update revision,
    /// after every pod above it is healthy; it comes back from the update revision on the next pass.
    mutating func rollOut(_ plane: inout ControlPlane) {
        guard !spec.onDelete, spec.partition < replicas.count else { return }
        for index in stride(from: replicas.count - 1, through: spec.partition, by: -1) {
            guard let pod = replicas[index] else { return }
            if pod.labels[StatefulSetRevisions.podRevisionLabel] != revisions.update.name, !pod.isTerminating {
                deletePod(pod, &plane)
                return
            }
            if !pod.isHealthyStatefulPod { return }
        }
    }

    func isAvailable(_ pod: Resource, _ plane: ControlPlane) -> Bool {
        pod.isRunningAndReady && pod.isPodAvailable(minReadySeconds: spec.minReadySeconds, in: plane)
    }

    private mutating func createPod(_ index: Int, _ plane: inout ControlPlane) {
        let ordinal = spec.startOrdinal + index
        // Below the partition a new pod is made from the current revision, otherwise from the update revision.
        let revision = index < spec.partition ? revisions.current : revisions.update
        createMissingClaims(ordinal, pod: nil, &plane)
        let pod = StatefulSetPods.newPod(
            set, spec, template: StatefulSetRevisions.template(of: revision), revision: revision.name, ordinal: ordinal)
        plane.createObject(pod)
        plane.recordEvent(
            set, reason: "SuccessfulCreate", message: "create Pod \(pod.name) in StatefulSet \(set.name) successful")
        replicas[index] = plane.store[pod.key]
    }

    private func createMissingClaims(_ ordinal: Int, pod: Resource?, _ plane: inout ControlPlane) {
        let podName = pod?.name ?? StatefulSetPods.podName(set, ordinal)
        for claim in StatefulSetPods.claims(set, spec, ordinal: ordinal) where plane.store[claim.key] == nil {
            plane.createObject(claim)
            plane.recordEvent(
                set, reason: "SuccessfulCreate",
                message: "create Claim \(claim.name) Pod \(podName) in StatefulSet \(set.name) success")
        }
    }

    private func deletePod(_ pod: Resource, _ plane: inout ControlPlane) {
        plane.store.delete(pod.key)
        plane.recordEvent(
            set, reason: "SuccessfulDelete", message: "delete Pod \(pod.name) in StatefulSet \(set.name) successful")
    }

    /// `whenScaled: Delete`: the claims of a pod scaled away are owned by the pod, so they go with it.
    private func handClaimsTo(_ pod: Resource, _ plane: inout ControlPlane) {
        guard let ordinal = StatefulSetPods.ordinal(of: pod, in: set) else { return }
        for template in StatefulSetPods.claims(set, spec, ordinal: ordinal) {
            guard var claim = plane.store[template.key] else { continue }
            claim.ownerReferences = [StatefulSetPods.retentionOwner(pod)]
            plane.store.update(claim)
        }
    }

    /// Puts back the pod-name and pod-index labels if someone removed them.
    private func restoreIdentity(_ pod: Resource, _ index: Int, _ plane: inout ControlPlane) {
        let labels = StatefulSetPods.identityLabels(pod.labels, set, spec.startOrdinal + index)
        guard labels != pod.labels else { return }
        var pod = pod
        pod.labels = labels
        plane.store.update(pod)
    }
}

extension Resource {
    var isRunningAndReady: Bool { podPhase == "Running" && isPodReady }

    /// Running, Ready and not being deleted (the StatefulSet controller's `isHealthy`).
    var isHealthyStatefulPod: Bool { isRunningAndReady && !isTerminating }
}
