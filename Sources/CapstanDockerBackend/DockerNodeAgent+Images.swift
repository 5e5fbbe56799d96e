import CapstanDocker
import CapstanModel
import CapstanSimulator
import Foundation

/// A container's image before it is created, as the kubelet's image manager: `imagePullPolicy` (`Always` for
/// `:latest` or no tag, else `IfNotPresent`; `Never`), a background pull with `Pulling` and `Pulled` events, and
/// on failure `ErrImagePull` then `ImagePullBackOff` with back-off (10 s doubling to 5 min), naming the image
/// and the daemon's message.
extension DockerNodeAgent {
    /// Reasons a container waits on its image; its creation is retried when the image is ready, not on a timer.
    static let imageWaitingReasons: Set<String> = ["ContainerCreating", "ErrImagePull", "ImagePullBackOff"]

    /// True when `image` can be used now; otherwise a pull runs or waits out its back-off, and `record` says why.
    func imageReady(
        _ image: String, container: Value, record: inout ContainerRecord,
        events: inout [SimulatedCluster.KubeletEvent]
    ) async throws(DockerError) -> Bool {
        let now = Date()
        if let requested = record.pullRequestedAt {
            guard let outcome = await puller.outcome(of: image, after: requested) else { return false }
            record.pullRequestedAt = nil
            if let error = outcome.error {
                let message = "Failed to pull image \"\(image)\": \(error.message)"
                events.append(.init(isWarning: true, reason: "Failed", message: message))
                events.append(.init(isWarning: true, reason: "Failed", message: "Error: ErrImagePull"))
                record.waitingReason = "ErrImagePull"
                record.waitingMessage = message
                record.pullRetryAt = now.addingTimeInterval(record.pullBackOffSeconds)
                record.pullBackOffSeconds = min(record.pullBackOffSeconds * 2, ContainerRecord.maxBackOffSeconds)
                due(record.pullRetryAt ?? now)
                return false
            }
            let size = outcome.sizeBytes.map { " Image size: \($0) bytes." } ?? ""
            let seconds = String(format: "%.3fs", outcome.seconds)
            events.append(
                .init(reason: "Pulled", message: "Successfully pulled image \"\(image)\" in \(seconds).\(size)"))
            record.pullBackOffSeconds = ContainerRecord.initialBackOffSeconds
            return true
        }
        if let retryAt = record.pullRetryAt, now < retryAt {
            if record.waitingReason != "ImagePullBackOff" {
                events.append(.init(reason: "BackOff", message: "Back-off pulling image \"\(image)\""))
                events.append(.init(isWarning: true, reason: "Failed", message: "Error: ImagePullBackOff"))
            }
            record.waitingReason = "ImagePullBackOff"
            record.waitingMessage = "Back-off pulling image \"\(image)\""
            due(retryAt)
            return false
        }
        let policy = Self.pullPolicy(of: container, image: image)
        if policy != "Always", try await imagePresent(image) { return true }
        if policy == "Never" {
            record.waitingReason = "ErrImageNeverPull"
            record.waitingMessage = "Container image \"\(image)\" is not present with pull policy of Never"
            return false
        }
        record.pullRequestedAt = now
        record.pullRetryAt = nil
        events.append(.init(reason: "Pulling", message: "Pulling image \"\(image)\""))
        if record.waitingReason != "ErrImagePull" && record.waitingReason != "ImagePullBackOff" {
            record.waitingReason = "ContainerCreating"
            record.waitingMessage = nil
        }
        await puller.start(image)
        return false
    }

    /// The container's `imagePullPolicy`, or Kubernetes' default for the image's tag.
    static func pullPolicy(of container: Value, image: String) -> String {
        if let policy = container["imagePullPolicy"]?.stringValue { return policy }
        if image.contains("@") { return "IfNotPresent" }
        let name = image.split(separator: "/").last ?? ""
        guard let colon = name.lastIndex(of: ":") else { return "Always" }
        return name[name.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }

    /// Whether the daemon has `image`, asked once per pass (the pass's pods mostly share a few images).
    func imagePresent(_ image: String) async throws(DockerError) -> Bool {
        if imagesPresentThisPass.contains(image) { return true }
        guard try await engine.imageExists(image) else { return false }
        imagesPresentThisPass.insert(image)
        return true
    }
}
