import CapstanCluster
import CapstanModel

/// The API an external kubelet (the Docker backend's node agent) uses, as a real kubelet uses the API server:
/// it reads the pods bound to its node and writes their status and events; the controllers react.
extension SimulatedCluster {
    /// Something the kubelet saw happen to a pod, recorded as a Kubernetes Event (`Pulled`, `Started`, `BackOff`…).
    public struct KubeletEvent: Sendable, Hashable {
        public var isWarning: Bool
        public var reason: String
        public var message: String

        public init(isWarning: Bool = false, reason: String, message: String) {
            self.isWarning = isWarning
            self.reason = reason
            self.message = message
        }
    }

    /// The pods bound to `node`, sorted by namespace and name.
    public func pods(onNode node: String) -> [Resource] {
        plane.store.list(group: "", kind: "Pod").filter { $0.nodeName == node }
    }

    /// What a kubelet observed of one pod: its whole status and the events to record about it.
    public struct PodStatusUpdate: Sendable {
        public var key: ResourceKey
        /// Guards against a replacement pod of the same name.
        public var uid: String
        public var status: Value
        public var events: [KubeletEvent]

        public init(key: ResourceKey, uid: String, status: Value, events: [KubeletEvent] = []) {
            self.key = key
            self.uid = uid
            self.status = status
            self.events = events
        }
    }

    /// Replaces the status of the pod `key` (phase, conditions, container statuses, addresses) with what its
    /// kubelet observed, records `events` about it, and lets the controllers react (ReplicaSet availability,
    /// Endpoints, rollouts). `uid` guards against a replacement pod of the same name. Refused for a pod that is
    /// gone (notFound), replaced (conflict) or not on a node with an external runtime (invalid).
    public func reportPodStatus(
        _ key: ResourceKey, uid: String, status: Value, events: [KubeletEvent] = []
    ) throws(ClusterError) {
        if let failure = reportPodStatuses([PodStatusUpdate(key: key, uid: uid, status: status, events: events)])[0] {
            throw failure
        }
    }

    /// `reportPodStatus` for several pods at once: every update applied in order, then one settle of the
    /// controllers and one write to the state store for all of them. Returns each update's refusal (nil when it
    /// was applied); a failed write refuses them all.
    public func reportPodStatuses(_ updates: [PodStatusUpdate]) -> [ClusterError?] {
        var failures: [ClusterError?] = []
        failures.reserveCapacity(updates.count)
        for update in updates {
            do {
                try apply(update)
                failures.append(nil)
            } catch {
                failures.append(error)
            }
        }
        if let failure = settle() { failures = failures.map { $0 ?? failure } }
        return failures
    }

    private func apply(_ update: PodStatusUpdate) throws(ClusterError) {
        let key = update.key
        guard var pod = plane.store[key] else {
            throw ClusterError(.notFound, key: key, "pods \"\(key.name)\" not found")
        }
        guard pod.uid == update.uid else {
            throw ClusterError(.conflict, key: key, "the pod was replaced (uid \(pod.uid), reported \(update.uid))")
        }
        guard ExternalRuntime.runs(pod, in: plane.store) else {
            throw ClusterError(.invalid, key: key, "the pod is not on a node with an external runtime")
        }
        let status = stampingTransitions(update.status, previous: pod.status)
        if pod.status != status {
            pod.status = status
            plane.store.update(pod)
        }
        for event in update.events {
            plane.recordEvent(
                pod, type: event.isWarning ? .warning : .normal, reason: event.reason, message: event.message)
        }
    }

    /// `status` with a `lastTransitionTime` on every condition that lacks one, as the kubelet's status manager
    /// sets it: kept from `previous` while the condition's status is unchanged, now when it changed.
    func stampingTransitions(_ status: Value, previous: Value?) -> Value {
        guard let conditions = status["conditions"]?.arrayValue else { return status }
        let before = previous?["conditions"]?.arrayValue ?? []
        var stamped = status
        stamped["conditions"] = .array(
            conditions.map { condition in
                guard condition["lastTransitionTime"] == nil else { return condition }
                var condition = condition
                let old = before.first { $0["type"] == condition["type"] }
                if let old, old["status"] == condition["status"], let time = old["lastTransitionTime"] {
                    condition["lastTransitionTime"] = time
                } else {
                    condition["lastTransitionTime"] = plane.timestamp
                }
                return condition
            })
        return stamped
    }
}

extension SimulatedCluster {
    /// Records `event` about the object `key` for a component outside the control plane (e.g. the Docker
    /// backend's service proxy about a Service whose port is taken), listed with the other events.
    public func recordEvent(about key: ResourceKey, _ event: KubeletEvent) throws(ClusterError) {
        guard let object = plane.store[key] else {
            throw ClusterError(.notFound, key: key, "\(key.kind) \"\(key.name)\" not found")
        }
        plane.recordEvent(
            object, type: event.isWarning ? .warning : .normal, reason: event.reason, message: event.message)
    }
}
