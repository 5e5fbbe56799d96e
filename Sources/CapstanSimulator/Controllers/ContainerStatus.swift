import CapstanModel
import Foundation

/// One entry of a pod's `status.containerStatuses`, as the kubelet reports it.
struct ContainerStatus: Equatable {
    /// How a container instance ended (`state.terminated` / `lastState.terminated`).
    struct Termination: Equatable {
        var exitCode: Int
        var reason: String
        var startedAt: Date?
        var finishedAt: Date
        var containerID: String?
    }

    enum State: Equatable {
        case waiting(reason: String, message: String?)
        case running(startedAt: Date)
        case terminated(Termination)
    }

    var name: String
    var image: String
    var imageID = ""
    var containerID: String?
    var ready = false
    var started = false
    var restartCount = 0
    var state: State
    var lastTermination: Termination?

    /// A container not started yet, waiting in ContainerCreating.
    init(creating container: Value) {
        name = container["name"]?.stringValue ?? "main"
        image = container["image"]?.stringValue ?? ""
        state = .waiting(reason: "ContainerCreating", message: nil)
    }

    init?(_ value: Value) {
        guard let name = value["name"]?.stringValue else { return nil }
        self.name = name
        image = value["image"]?.stringValue ?? ""
        imageID = value["imageID"]?.stringValue ?? ""
        containerID = value["containerID"]?.stringValue
        ready = value["ready"]?.boolValue ?? false
        started = value["started"]?.boolValue ?? false
        restartCount = value["restartCount"]?.intValue ?? 0
        lastTermination = value[path: ["lastState", "terminated"]].flatMap(Self.termination)
        if let running = value[path: ["state", "running"]] {
            state = .running(startedAt: Self.date(running["startedAt"]) ?? .distantPast)
        } else if let terminated = value[path: ["state", "terminated"]].flatMap(Self.termination) {
            state = .terminated(terminated)
        } else {
            let waiting = value[path: ["state", "waiting"]]
            state = .waiting(
                reason: waiting?["reason"]?.stringValue ?? "ContainerCreating",
                message: waiting?["message"]?.stringValue)
        }
    }

    /// When the current instance started, if it is running.
    var runningSince: Date? {
        if case .running(let startedAt) = state { return startedAt }
        return nil
    }

    /// The waiting reason, if the container is waiting.
    var waitingReason: String? {
        if case .waiting(let reason, _) = state { return reason }
        return nil
    }

    var value: Value {
        var value: Value = [
            "name": .string(name), "image": .string(image), "imageID": .string(imageID), "ready": .bool(ready),
            "started": .bool(started), "restartCount": .int(restartCount),
            "lastState": lastTermination.map { ["terminated": Self.value($0)] } ?? [:],
        ]
        if let containerID { value["containerID"] = .string(containerID) }
        switch state {
        case .waiting(let reason, let message):
            var waiting: Value = ["reason": .string(reason)]
            if let message { waiting["message"] = .string(message) }
            value["state"] = ["waiting": waiting]
        case .running(let startedAt):
            value["state"] = ["running": ["startedAt": .string(SimulatedTime.format(startedAt))]]
        case .terminated(let termination):
            value["state"] = ["terminated": Self.value(termination)]
        }
        return value
    }

    private static func value(_ termination: Termination) -> Value {
        var value: Value = [
            "exitCode": .int(termination.exitCode), "reason": .string(termination.reason),
            "finishedAt": .string(SimulatedTime.format(termination.finishedAt)),
        ]
        if let startedAt = termination.startedAt { value["startedAt"] = .string(SimulatedTime.format(startedAt)) }
        if let containerID = termination.containerID { value["containerID"] = .string(containerID) }
        return value
    }

    private static func termination(_ value: Value) -> Termination? {
        guard let finishedAt = date(value["finishedAt"]) else { return nil }
        return Termination(
            exitCode: value["exitCode"]?.intValue ?? 0, reason: value["reason"]?.stringValue ?? "Error",
            startedAt: date(value["startedAt"]), finishedAt: finishedAt, containerID: value["containerID"]?.stringValue)
    }

    private static func date(_ value: Value?) -> Date? { value?.stringValue.flatMap(SimulatedTime.parse) }
}
