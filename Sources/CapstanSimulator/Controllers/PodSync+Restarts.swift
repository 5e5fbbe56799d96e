import CapstanModel
import Foundation

/// Container restarts (the kubelet's doBackOff): a container that exited is restarted according to the pod's
/// restartPolicy. The first restart is immediate; each later one waits the current CrashLoopBackOff delay after
/// the exit (10 s, then doubled at every restart up to 300 s). An exit more than 10 minutes after the last
/// restart starts the back-off over.
extension PodSync {
    mutating func restartIfDue(_ container: inout ContainerStatus, _ entry: inout KubeletRecord.Container) {
        let termination: ContainerStatus.Termination
        switch container.state {
        case .terminated(let ended): termination = ended
        default:
            guard let ended = container.lastTermination else { return }
            termination = ended
        }
        container.ready = false
        container.started = false
        guard Self.restarts(policy: restartPolicy, exitCode: termination.exitCode) else { return }

        // The back-off entry exists once the container has been restarted; its last update was that restart,
        // which is when the instance that just ended started.
        let current = container.restartCount > 0 ? entry.restartBackOff : nil
        let lastUpdate = termination.startedAt ?? termination.finishedAt
        let expired = KubeletBackOff.hasExpired(eventTime: termination.finishedAt, lastUpdate: lastUpdate)
        if let current, !expired {
            let restartAt = termination.finishedAt.addingTimeInterval(current)
            if !reached(restartAt) {
                if container.waitingReason != "CrashLoopBackOff" {
                    let seconds = Self.goDuration(current)
                    container.state = .waiting(
                        reason: "CrashLoopBackOff",
                        message:
                            "back-off \(seconds) restarting failed container=\(container.name) pod=\(podDescription)")
                    container.lastTermination = termination
                    emit(
                        .warning, "BackOff",
                        "Back-off restarting failed container \(container.name) in pod \(podDescription)")
                }
                wake(at: restartAt)
                return
            }
        }
        entry.restartBackOff = KubeletBackOff.next(
            current: current, lastUpdate: lastUpdate, eventTime: termination.finishedAt)
        container.lastTermination = termination
        container.restartCount += 1
        emit(.normal, "Pulled", "Container image \"\(container.image)\" already present on machine")
        startInstance(&container)
    }

    /// Always restarts every exit, OnFailure only failures, Never none.
    static func restarts(policy: String, exitCode: Int) -> Bool {
        switch policy {
        case "Never": return false
        case "OnFailure": return exitCode != 0
        default: return true
        }
    }
}
