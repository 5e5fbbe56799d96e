import CapstanModel
import Foundation

/// Reading the state of a simulated pod.
extension Resource {
    var podPhase: String { value[path: ["status", "phase"]]?.stringValue ?? "Pending" }

    var nodeName: String { value[path: ["spec", "nodeName"]]?.stringValue ?? "" }

    /// Succeeded or Failed: the pod no longer counts as a replica.
    var isPodTerminated: Bool { podPhase == "Succeeded" || podPhase == "Failed" }

    /// The status of the pod condition `type` (`"True"`, `"False"`), nil when absent.
    func podCondition(_ type: String) -> Value? {
        value[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }

    var isPodReady: Bool { podCondition("Ready")?["status"]?.stringValue == "True" }

    /// When the pod last became Ready.
    var podReadySince: Date? {
        guard isPodReady else { return nil }
        return podCondition("Ready")?["lastTransitionTime"]?.stringValue.flatMap(SimulatedTime.parse)
    }

    /// Ready for at least `minReadySeconds` in `plane`'s time (Kubernetes' "available").
    func isPodAvailable(minReadySeconds: Int, in plane: ControlPlane) -> Bool {
        guard let since = podReadySince else { return false }
        return minReadySeconds == 0 || plane.hasReached(since.addingTimeInterval(TimeInterval(minReadySeconds)))
    }

    var containers: [Value] { value[path: ["spec", "containers"]]?.arrayValue ?? [] }

    /// The summed cpu and memory requests of the pod's containers.
    var podRequests: (cpu: Quantity, memory: Quantity) {
        var cpu = Quantity.zero
        var memory = Quantity.zero
        for container in containers {
            let requests = container[path: ["resources", "requests"]]
            if let q = requests?["cpu"].flatMap(Quantity.init) { cpu = cpu + q }
            if let q = requests?["memory"].flatMap(Quantity.init) { memory = memory + q }
        }
        return (cpu, memory)
    }
}
