import CapstanModel
import Foundation

/// The pod status a kubelet reports, from what the node agent observed of its containers: phase (the kubelet's
/// getPhase), conditions, container statuses and addresses. Transition times are stamped by the control plane.
enum PodStatusReport {
    static func status(
        pod: Resource, containers: [ObservedContainer], hostIP: String, startTime: String
    ) -> Value {
        let policy = pod.value[path: ["spec", "restartPolicy"]]?.stringValue ?? "Always"
        let allReady = !containers.isEmpty && containers.allSatisfy(\.ready)
        var readiness: Value = ["status": allReady ? "True" : "False"]
        if !allReady {
            let unready = containers.filter { !$0.ready }.map(\.name).joined(separator: " ")
            readiness["reason"] = "ContainersNotReady"
            readiness["message"] = .string("containers with unready status: [\(unready)]")
        }
        var containersReady = readiness
        containersReady["type"] = "ContainersReady"
        var podReady = readiness
        podReady["type"] = "Ready"
        let status: Value = [
            "phase": .string(phase(containers, restartPolicy: policy)),
            "hostIP": .string(hostIP), "hostIPs": [["ip": .string(hostIP)]],
            "podIP": .string(hostIP), "podIPs": [["ip": .string(hostIP)]],
            "startTime": .string(startTime),
            "conditions": [
                ["type": "PodScheduled", "status": "True"], ["type": "Initialized", "status": "True"],
                containersReady, podReady,
            ],
            "containerStatuses": .array(containers.map(containerStatus)),
        ]
        return status
    }

    /// Pending while a container has never run, Running while one runs or will be restarted, Succeeded or
    /// Failed once all have terminated for good.
    static func phase(_ containers: [ObservedContainer], restartPolicy: String) -> String {
        if containers.contains(where: { $0.state == nil || ($0.state?.startedAt == nil && $0.state?.running != true) })
        {
            return "Pending"
        }
        if containers.contains(where: { $0.state?.running == true || $0.state?.restarting == true }) {
            return "Running"
        }
        let failed = containers.contains { ($0.state?.exitCode ?? 0) != 0 }
        switch restartPolicy {
        case "Never": return failed ? "Failed" : "Succeeded"
        case "OnFailure": return failed ? "Running" : "Succeeded"
        default: return "Running"
        }
    }

    static func containerStatus(_ container: ObservedContainer) -> Value {
        var value: Value = [
            "name": .string(container.name), "image": .string(container.image), "ready": .bool(container.ready),
            "restartCount": .int(container.restartCount), "started": .bool(container.state?.running == true),
        ]
        if let id = container.id { value["containerID"] = .string("docker://\(id)") }
        value["state"] = state(container)
        return value
    }

    static func state(_ container: ObservedContainer) -> Value {
        if let reason = container.waitingReason {
            var waiting: Value = ["reason": .string(reason)]
            if let message = container.waitingMessage { waiting["message"] = .string(message) }
            return ["waiting": waiting]
        }
        guard let state = container.state else { return ["waiting": ["reason": "ContainerCreating"]] }
        if state.running, let started = state.startedAt {
            return ["running": ["startedAt": .string(CapstanJSON.formatTimestamp(started))]]
        }
        guard let started = state.startedAt else { return ["waiting": ["reason": "ContainerCreating"]] }
        var terminated: Value = [
            "exitCode": .int(state.exitCode),
            "reason": .string(state.oomKilled ? "OOMKilled" : state.exitCode == 0 ? "Completed" : "Error"),
            "startedAt": .string(CapstanJSON.formatTimestamp(started)),
        ]
        if let finished = state.finishedAt { terminated["finishedAt"] = .string(CapstanJSON.formatTimestamp(finished)) }
        return ["terminated": terminated]
    }
}
