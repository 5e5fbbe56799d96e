import CapstanModel
import Foundation

/// What the simulated kubelet remembers about a pod's containers between syncs: the back-off entries, a pull
/// in progress and when a liveness failure began. A real kubelet keeps this in memory; here it lives in the
/// pod annotation `simulation.capstan.io/kubelet` (a JSON object by container name) so a reopened simulation
/// resumes the same timings. The annotation is absent while there is nothing to remember.
struct KubeletRecord: Equatable {
    static let annotation = "simulation.capstan.io/kubelet"

    struct Container: Equatable {
        /// The current CrashLoopBackOff delay in seconds (nil before the first restart).
        var restartBackOff: TimeInterval?
        /// The current image pull back-off delay and the time of the last failed pull.
        var pullBackOff: TimeInterval?
        var pullFailedAt: Date?
        /// A pull retried after a failure that is going to succeed: the container starts `startDelay` later.
        var pullStartedAt: Date?
        /// When the kubelet first saw the container's liveness probe failing.
        var livenessFailingSince: Date?

        var isEmpty: Bool { self == Container() }
    }

    private(set) var containers: [String: Container] = [:]

    init(_ pod: Resource) {
        guard let text = pod.annotations[Self.annotation], let value = try? JSONParser.parse(text),
            let members = value.objectValue
        else { return }
        for (name, entry) in members {
            containers[name] = Container(
                restartBackOff: entry["restartBackOff"]?.doubleValue,
                pullBackOff: entry["pullBackOff"]?.doubleValue,
                pullFailedAt: Self.date(entry["pullFailedAt"]),
                pullStartedAt: Self.date(entry["pullStartedAt"]),
                livenessFailingSince: Self.date(entry["livenessFailingSince"]))
        }
    }

    subscript(container: String) -> Container {
        get { containers[container] ?? Container() }
        set { containers[container] = newValue.isEmpty ? nil : newValue }
    }

    /// Stores the record in the pod's annotation (removing it when empty).
    func write(to pod: inout Resource) {
        var annotations = pod.annotations
        annotations[Self.annotation] = containers.isEmpty ? nil : encoded
        pod.annotations = annotations
    }

    private var encoded: String {
        Value.object(
            containers.mapValues { entry in
                var value: Value = [:]
                value["restartBackOff"] = entry.restartBackOff.map { .int(Int($0)) }
                value["pullBackOff"] = entry.pullBackOff.map { .int(Int($0)) }
                value["pullFailedAt"] = entry.pullFailedAt.map { .string(SimulatedTime.format($0)) }
                value["pullStartedAt"] = entry.pullStartedAt.map { .string(SimulatedTime.format($0)) }
                value["livenessFailingSince"] = entry.livenessFailingSince.map { .string(SimulatedTime.format($0)) }
                return value
            }
        ).jsonString()
    }

    private static func date(_ value: Value?) -> Date? { value?.stringValue.flatMap(SimulatedTime.parse) }
}
