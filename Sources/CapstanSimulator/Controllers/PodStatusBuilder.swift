import CapstanModel
import Foundation

/// Edits a pod's `status` the way the kubelet reports it: phase, conditions and container statuses.
struct PodStatusBuilder {
    private(set) var value: Value
    private let pod: Resource
    private let now: Value
    /// The container statuses, in the order of `spec.containers`.
    var containers: [ContainerStatus]

    init(pod: Resource, now: Value) {
        self.pod = pod
        self.now = now
        value = pod.status ?? ["phase": "Pending"]
        let reported = (value["containerStatuses"]?.arrayValue ?? []).compactMap(ContainerStatus.init)
        containers = pod.containers.map { spec in
            reported.first { $0.name == (spec["name"]?.stringValue ?? "main") } ?? ContainerStatus(creating: spec)
        }
    }

    var startTime: Date? { value["startTime"]?.stringValue.flatMap(SimulatedTime.parse) }

    var phase: String { value["phase"]?.stringValue ?? "Pending" }

    var hasAddress: Bool { value["podIP"] != nil }

    /// The kubelet accepted the pod: sandbox ready, every container waiting in ContainerCreating.
    mutating func beginCreating(hostIP: String) {
        value["phase"] = "Pending"
        value["startTime"] = now
        value["hostIP"] = .string(hostIP)
        value["hostIPs"] = [["ip": .string(hostIP)]]
        containers = pod.containers.map(ContainerStatus.init(creating:))
        setCondition("PodReadyToStartContainers", "True")
        setCondition("Initialized", "True")
    }

    /// The pod's address, given when its first container starts.
    mutating func assignAddress(_ ip: String) {
        value["podIP"] = .string(ip)
        value["podIPs"] = [["ip": .string(ip)]]
    }

    /// Writes the container statuses back, with the phase (kubelet's getPhase) and the Ready conditions
    /// that follow from them. A terminal phase (Succeeded, Failed) never changes again.
    mutating func finish(restartPolicy: String) {
        value["containerStatuses"] = .array(containers.map(\.value))
        if phase != "Succeeded" && phase != "Failed" {
            value["phase"] = .string(Self.phase(of: containers, restartPolicy: restartPolicy))
        }
        let terminal = phase == "Succeeded" || phase == "Failed"
        let unready = containers.filter { !$0.ready }.map(\.name)
        for type in ["ContainersReady", "Ready"] {
            if terminal {
                setCondition(type, "False", reason: phase == "Failed" ? "PodFailed" : "PodCompleted")
            } else if unready.isEmpty {
                setCondition(type, "True")
            } else {
                setCondition(
                    type, "False", reason: "ContainersNotReady",
                    message: "containers with unready status: [\(unready.joined(separator: " "))]")
            }
        }
    }

    /// The kubelet's getPhase: Pending while a container has never started, Running while one runs or will be
    /// restarted, Succeeded or Failed once all have terminated for good.
    static func phase(of containers: [ContainerStatus], restartPolicy: String) -> String {
        var running = 0
        var waiting = 0
        var stopped = 0
        var succeeded = 0
        for container in containers {
            switch container.state {
            case .running: running += 1
            case .terminated(let termination):
                stopped += 1
                if termination.exitCode == 0 { succeeded += 1 }
            case .waiting: if container.lastTermination != nil { stopped += 1 } else { waiting += 1 }
            }
        }
        if waiting > 0 || containers.isEmpty { return "Pending" }
        if running > 0 { return "Running" }
        if restartPolicy == "Always" { return "Running" }
        if stopped == succeeded { return "Succeeded" }
        return restartPolicy == "Never" ? "Failed" : "Running"
    }

    /// Sets a condition; lastTransitionTime moves only when its status flips.
    mutating func setCondition(_ type: String, _ status: String, reason: String? = nil, message: String? = nil) {
        var conditions = value["conditions"]?.arrayValue ?? []
        let index = conditions.firstIndex { $0["type"]?.stringValue == type }
        let existing = index.map { conditions[$0] }
        if let existing, existing["status"]?.stringValue == status, existing["reason"]?.stringValue == reason,
            existing["message"]?.stringValue == message
        {
            return
        }
        let sameStatus = existing?["status"]?.stringValue == status
        var condition: Value = [
            "type": .string(type), "status": .string(status),
            "lastTransitionTime": sameStatus ? (existing?["lastTransitionTime"] ?? now) : now,
        ]
        if let reason { condition["reason"] = .string(reason) }
        if let message { condition["message"] = .string(message) }
        if let index { conditions[index] = condition } else { conditions.append(condition) }
        value["conditions"] = .array(conditions)
    }
}
