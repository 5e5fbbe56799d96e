import CapstanModel
import Foundation

/// Image pulls: a pull takes the start delay; a pull of an image marked unpullable fails at once with
/// ErrImagePull, the kubelet's next sync (10 s later) reports ImagePullBackOff, and the pull is retried when the
/// image back-off (10 s doubling to 300 s) has passed since the failure.
extension PodSync {
    /// The first pull, when the kubelet accepts the pod.
    mutating func beginPull(_ container: inout ContainerStatus) {
        emit(.normal, "Pulling", "Pulling image \"\(container.image)\"")
        guard unpullableImages.contains(container.image) else { return }
        var entry = record[container.name]
        failPull(&container, &entry)
        record[container.name] = entry
    }

    /// A container that has never run: waits for its pull, retries a failed pull when the back-off allows,
    /// and starts once a pull has taken the start delay.
    mutating func pullOrStart(
        _ container: inout ContainerStatus, _ entry: inout KubeletRecord.Container, reason: String
    ) {
        guard let failedAt = entry.pullFailedAt, let backOff = entry.pullBackOff else {
            // The first pull succeeds: it began when the pod was accepted.
            startAfterPull(&container, &entry, pullStartedAt: status.startTime ?? now)
            return
        }
        if let pullStartedAt = entry.pullStartedAt {
            startAfterPull(&container, &entry, pullStartedAt: pullStartedAt)
            return
        }
        let retryAt = failedAt.addingTimeInterval(backOff)
        if reached(retryAt) {
            emit(.normal, "Pulling", "Pulling image \"\(container.image)\"")
            if unpullableImages.contains(container.image) {
                failPull(&container, &entry)
            } else {
                entry.pullStartedAt = now
                wake(at: now.addingTimeInterval(startDelay))
            }
            return
        }
        if reason == "ErrImagePull" {
            let reportAt = failedAt.addingTimeInterval(KubeletBackOff.resyncAfterError)
            if reached(reportAt) {
                container.state = .waiting(
                    reason: "ImagePullBackOff", message: "Back-off pulling image \"\(container.image)\"")
                emit(.normal, "BackOff", "Back-off pulling image \"\(container.image)\"")
                emit(.warning, "Failed", "Error: ImagePullBackOff")
            } else {
                wake(at: reportAt)
            }
        }
        wake(at: retryAt)
    }

    private mutating func startAfterPull(
        _ container: inout ContainerStatus, _ entry: inout KubeletRecord.Container, pullStartedAt: Date
    ) {
        let startAt = pullStartedAt.addingTimeInterval(startDelay)
        guard reached(startAt) else {
            wake(at: startAt)
            return
        }
        let took = Self.goDuration(startDelay)
        emit(
            .normal, "Pulled",
            "Successfully pulled image \"\(container.image)\" in \(took) (\(took) including waiting)")
        entry.pullBackOff = nil
        entry.pullFailedAt = nil
        entry.pullStartedAt = nil
        startInstance(&container)
    }

    private mutating func failPull(_ container: inout ContainerStatus, _ entry: inout KubeletRecord.Container) {
        entry.pullBackOff = KubeletBackOff.next(
            current: entry.pullBackOff, lastUpdate: entry.pullFailedAt, eventTime: now)
        entry.pullFailedAt = now
        entry.pullStartedAt = nil
        let error =
            "image \"\(container.image)\" is marked unpullable in the simulation (capstan sim image ok lifts it)"
        container.state = .waiting(reason: "ErrImagePull", message: error)
        emit(.warning, "Failed", "Failed to pull image \"\(container.image)\": \(error)")
        emit(.warning, "Failed", "Error: ErrImagePull")
        wake(
            at: now.addingTimeInterval(
                min(KubeletBackOff.resyncAfterError, entry.pullBackOff ?? KubeletBackOff.initial)))
    }

    /// A duration as Go prints it in kubelet messages: `2s`, `1.5s`, `500ms`, `1m30s`.
    static func goDuration(_ seconds: TimeInterval) -> String {
        let ms = Int((seconds * 1000).rounded())
        if ms < 1000 { return "\(ms)ms" }
        let minutes = ms / 60_000
        let rest = Double(ms % 60_000) / 1000
        let secondsText = rest == rest.rounded() ? String(Int(rest)) : String(rest)
        return minutes > 0 ? "\(minutes)m\(secondsText)s" : "\(secondsText)s"
    }
}
