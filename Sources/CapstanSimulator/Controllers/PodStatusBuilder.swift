import CapstanModel
import Foundation

/// Edits a pod's `status` the way the kubelet reports it: phase, conditions and container statuses.
struct PodStatusBuilder {
    private(set) var value: Value
    private let pod: Resource
    private let now: Value

    init(pod: Resource, now: Value) {
        self.pod = pod
        self.now = now
        value = pod.status ?? ["phase": "Pending"]
    }

    var startTime: Date? { value["startTime"]?.stringValue.flatMap(SimulatedTime.parse) }

    func containerStartedAt(_ index: Int) -> Date? {
        value["containerStatuses"]?.arrayValue?[safe: index]?[path: ["state", "running", "startedAt"]]?.stringValue
            .flatMap(SimulatedTime.parse)
    }

    /// Pending with every container waiting in ContainerCreating.
    mutating func beginCreating(hostIP: String) {
        value["phase"] = "Pending"
        value["startTime"] = now
        value["hostIP"] = .string(hostIP)
        value["containerStatuses"] = .array(
            pod.containers.map { container in
                [
                    "name": container["name"] ?? "main", "image": container["image"] ?? "", "ready": false,
                    "restartCount": 0, "started": false,
                    "state": ["waiting": ["reason": "ContainerCreating"]],
                ]
            })
        setCondition("Initialized", "True")
        setCondition("Ready", "False", reason: "ContainersNotReady")
        setCondition("ContainersReady", "False", reason: "ContainersNotReady")
    }

    /// Running, every container started now and not yet ready.
    mutating func startRunning(podIP: String) {
        value["phase"] = "Running"
        value["podIP"] = .string(podIP)
        value["podIPs"] = [["ip": .string(podIP)]]
        let statuses = (value["containerStatuses"]?.arrayValue ?? []).map { status -> Value in
            var status = status
            status["state"] = ["running": ["startedAt": now]]
            status["started"] = true
            status["containerID"] = .string("simulated://\(pod.uid.prefix(8))-\(status["name"]?.stringValue ?? "")")
            return status
        }
        value["containerStatuses"] = .array(statuses)
    }

    mutating func setContainerReady(_ index: Int) {
        guard var statuses = value["containerStatuses"]?.arrayValue, statuses.indices.contains(index) else { return }
        statuses[index]["ready"] = true
        value["containerStatuses"] = .array(statuses)
    }

    /// Ready and ContainersReady follow the containers' ready flags.
    mutating func updateReadyConditions() {
        let statuses = value["containerStatuses"]?.arrayValue ?? []
        let allReady = !statuses.isEmpty && statuses.allSatisfy { $0["ready"]?.boolValue == true }
        setCondition("ContainersReady", allReady ? "True" : "False", reason: allReady ? nil : "ContainersNotReady")
        setCondition("Ready", allReady ? "True" : "False", reason: allReady ? nil : "ContainersNotReady")
    }

    /// Sets a condition, moving lastTransitionTime only when its status flips.
    mutating func setCondition(_ type: String, _ status: String, reason: String? = nil) {
        var conditions = value["conditions"]?.arrayValue ?? []
        let index = conditions.firstIndex { $0["type"]?.stringValue == type }
        if let index, conditions[index]["status"]?.stringValue == status,
            conditions[index]["reason"]?.stringValue == reason
        {
            return
        }
        var condition: Value = ["type": .string(type), "status": .string(status), "lastTransitionTime": now]
        if let reason { condition["reason"] = .string(reason) }
        if let index { conditions[index] = condition } else { conditions.append(condition) }
        value["conditions"] = .array(conditions)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
