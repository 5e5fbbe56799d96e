import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanSimulator
import Foundation

/// Containers changed by hand: one whose image, memory or CPU limit differs from its pod is replaced (stopped
/// with the grace period, removed, created again), with a Warning event saying so.
extension DockerNodeAgent {
    /// What differs between the container and `container` of its pod, or nil. Limits are inspected only when the
    /// pass's `driftCheck` covers the container.
    func changedByHand(_ summary: ContainerSummary, container: Value) async -> String? {
        let wanted = container["image"]?.stringValue ?? ""
        var image = summary.image
        if image != wanted, image.hasPrefix("sha256:") {
            // The list shows the image ID when the tag now names another image: not a change of the container.
            image = (try? await engine.inspectContainer(summary.id))?.image ?? image
        }
        if image != wanted { return "image \(image), not \(wanted)" }
        guard driftCheck.covers(summary.id), let details = try? await engine.inspectContainer(summary.id) else {
            return nil
        }
        let limits = PodContainerSpec.limits(of: container)
        if details.hostConfig.memoryBytes != limits.memoryBytes ?? 0 {
            return "memory limit \(details.hostConfig.memoryBytes) bytes, not \(limits.memoryBytes ?? 0)"
        }
        if details.hostConfig.nanoCPUs != limits.nanoCPUs ?? 0 {
            return "CPU limit \(details.hostConfig.nanoCPUs) nano-CPUs, not \(limits.nanoCPUs ?? 0)"
        }
        return nil
    }

    /// Replaces a container changed by hand with one made from the pod again.
    func replace(
        _ summary: ContainerSummary, change: String, pod: Resource, container: Value, port: Int,
        record: inout ContainerRecord, events: inout [SimulatedCluster.KubeletEvent]
    ) async {
        let name = Self.name(of: container)
        logger.warning(
            "container \(summary.name) was changed outside Capstan (\(change)); replacing it",
            metadata: ["pod": .string("\(pod.namespace)/\(pod.name)")])
        events.append(
            .init(
                isWarning: true, reason: "Drifted",
                message: "Container \(name) was changed outside Capstan (\(change)): replacing it"))
        try? await engine.stopContainer(summary.id, timeoutSeconds: PodContainerSpec.gracePeriod(of: pod))
        do {
            try await engine.removeContainer(summary.id, force: true)
        } catch  where !error.isNotFound {
            logger.warning("cannot remove container \(summary.name): \(error.message)")
            return
        } catch {}
        record.id = nil
        record.startedAt = nil
        record.restartAt = nil
        record.readiness = nil
        record.liveness = nil
        await create(pod: pod, container: container, port: port, record: &record, events: &events)
    }

    /// Notes a container Docker reported an `update` for: the next pass inspects its limits.
    func noteUpdated(_ id: String) { updatedContainers.insert(id) }
}
