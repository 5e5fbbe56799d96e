import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanSimulator
import Foundation

/// Converging one pod: each of its containers created, started, restarted with back-off and probed; then its
/// status reported when it changed.
extension DockerNodeAgent {
    func converge(_ pod: Resource, containers: [String: ContainerSummary]) async {
        let uid = Self.uid(of: pod)
        let now = Date()
        var events: [SimulatedCluster.KubeletEvent] = []
        var observed: [ObservedContainer] = []
        let port = ports.port(for: uid)
        await refreshConfigVolumes(of: pod)
        for container in PodContainers.of(pod) {
            let name = Self.name(of: container)
            let key = Self.key(uid, name)
            var record = records[key] ?? Self.record(restoredFrom: pod, container: name)
            var seen = ObservedContainer(name: name, image: container["image"]?.stringValue ?? "")
            if let port {
                if let summary = containers[key], let change = await changedByHand(summary, container: container) {
                    await replace(
                        summary, change: change, pod: pod, container: container, port: port, record: &record,
                        events: &events)
                    due(now)
                } else if let summary = containers[key] {
                    await follow(
                        summary, pod: pod, container: container, port: port, now: now, record: &record,
                        seen: &seen, events: &events)
                } else if record.retryAt.map({ now >= $0 }) ?? true {
                    if let id = await create(
                        pod: pod, container: container, port: port, record: &record, events: &events)
                    {
                        // Running as of the daemon's answer: probed from now on, reported once, not inspected.
                        started(id, record: &record, seen: &seen)
                        await probe(
                            pod: pod, container: container, port: port, now: now, record: &record, seen: &seen,
                            events: &events)
                    }
                    if let reason = record.waitingReason, !Self.imageWaitingReasons.contains(reason) {
                        record.retryAt = now.addingTimeInterval(record.backOffSeconds)
                    }
                }
            } else {
                record.waitingReason = "CreateContainerError"
                record.waitingMessage = "no free port in \(ports.range) for the pod's PORT"
            }
            if let retryAt = record.retryAt, record.waitingReason != nil { due(retryAt) }
            seen.restartCount = record.restartCount
            if seen.state == nil || seen.state?.running != true, let reason = record.waitingReason {
                seen.waitingReason = reason
                seen.waitingMessage = record.waitingMessage
            }
            records[key] = record
            observed.append(seen)
        }
        let startTime = startTimes[uid] ?? CapstanJSON.formatTimestamp(now)
        startTimes[uid] = startTime
        let status = PodStatusReport.status(pod: pod, containers: observed, hostIP: hostIP, startTime: startTime)
        guard reported[uid] != status || !events.isEmpty else { return }
        report(SimulatedCluster.PodStatusUpdate(key: pod.key, uid: uid, status: status, events: events))
    }

    /// Records a container the agent has just started as running since now (the next pass finds the same id
    /// running and needs no inspect).
    func started(_ id: String, record: inout ContainerRecord, seen: inout ObservedContainer) {
        let now = Date()
        record.id = id
        record.startedAt = now
        record.readiness = nil
        record.liveness = nil
        seen.id = id
        seen.state = ContainerState(status: "running", running: true, startedAt: now)
    }

    /// A container that exists: its state, a restart when it stopped and the policy says so (after back-off),
    /// and its probes while it runs.
    func follow(
        _ summary: ContainerSummary, pod: Resource, container: Value, port: Int, now: Date,
        record: inout ContainerRecord, seen: inout ObservedContainer, events: inout [SimulatedCluster.KubeletEvent]
    ) async {
        seen.id = summary.id
        let running = summary.state == "running"
        if record.id != summary.id || !running || record.startedAt == nil {
            guard let details = try? await engine.inspectContainer(summary.id) else { return }
            seen.state = details.state
            if record.id != summary.id {
                record.id = summary.id
                record.readiness = nil
                record.liveness = nil
            }
            record.startedAt = details.state.running ? details.state.startedAt : nil
        } else {
            seen.state = ContainerState(status: "running", running: true, startedAt: record.startedAt)
        }
        if seen.state?.running == true {
            record.waitingReason = nil
            await probe(
                pod: pod, container: container, port: port, now: now, record: &record, seen: &seen, events: &events)
        } else if let state = seen.state {
            await restartIfDue(summary, pod: pod, state: state, now: now, record: &record, seen: &seen, events: &events)
        }
    }

    /// Restarts a stopped container when the pod's restart policy asks for it, waiting out the back-off
    /// (`CrashLoopBackOff` meanwhile).
    func restartIfDue(
        _ summary: ContainerSummary, pod: Resource, state: ContainerState, now: Date, record: inout ContainerRecord,
        seen: inout ObservedContainer, events: inout [SimulatedCluster.KubeletEvent]
    ) async {
        let policy = pod.value[path: ["spec", "restartPolicy"]]?.stringValue ?? "Always"
        guard policy == "Always" || (policy == "OnFailure" && state.exitCode != 0), state.startedAt != nil else {
            return
        }
        let restartAt =
            record.restartAt
            ?? record.restartTime(
                started: state.startedAt, finished: state.finishedAt ?? now, resetAfter: settings.backOffReset.seconds)
        record.restartAt = restartAt
        guard now >= restartAt else {
            record.waitingReason = "CrashLoopBackOff"
            record.waitingMessage =
                "back-off \(Int(record.backOffSeconds))s restarting failed container=\(seen.name) pod=\(pod.name)"
            due(restartAt)
            return
        }
        do {
            try await engine.startContainer(summary.id)
            record.restarted()
            record.restartAt = nil
            record.startedAt = nil
            record.readiness = nil
            record.liveness = nil
            record.waitingReason = nil
            seen.state = (try? await engine.inspectContainer(summary.id))?.state
            record.startedAt = seen.state?.running == true ? seen.state?.startedAt : nil
            events.append(.init(reason: "Started", message: "Started container \(seen.name)"))
        } catch {
            record.waitingReason = "RunContainerError"
            record.waitingMessage = error.message
            due(now.addingTimeInterval(record.backOffSeconds))
        }
    }

    /// Readiness and liveness while the container runs; a liveness failure restarts it.
    func probe(
        pod: Resource, container: Value, port: Int, now: Date, record: inout ContainerRecord,
        seen: inout ObservedContainer, events: inout [SimulatedCluster.KubeletEvent]
    ) async {
        guard let id = seen.id else { return }
        let started = record.startedAt ?? now
        if let readiness = container["readinessProbe"] {
            var tracker = record.readiness ?? ProbeTracker(readiness, startedAt: started, initiallyPassing: false)
            if tracker.isDue(at: now) {
                let passed = await prober.run(readiness, container: container, containerID: id, podPort: port)
                tracker.record(passed, at: now)
                if !passed && !tracker.passing {
                    events.append(.init(isWarning: true, reason: "Unhealthy", message: "Readiness probe failed"))
                }
            }
            due(tracker.nextAt)
            record.readiness = tracker
            seen.ready = tracker.passing
        } else {
            seen.ready = true
        }
        guard let liveness = container["livenessProbe"] else { return }
        var tracker = record.liveness ?? ProbeTracker(liveness, startedAt: started, initiallyPassing: true)
        if tracker.isDue(at: now) {
            tracker.record(await prober.run(liveness, container: container, containerID: id, podPort: port), at: now)
        }
        due(tracker.nextAt)
        record.liveness = tracker
        guard !tracker.passing else { return }
        events.append(
            .init(
                isWarning: true, reason: "Unhealthy",
                message: "Liveness probe failed: container \(seen.name) will be restarted"))
        let grace = PodContainerSpec.gracePeriod(of: pod)
        try? await engine.stopContainer(id, timeoutSeconds: grace)
        record.liveness = nil
        record.readiness = nil
        record.startedAt = nil
        seen.ready = false
        seen.state = (try? await engine.inspectContainer(id))?.state
        due(now)
    }

    /// A record for a container the agent has not seen yet: its restart count continues from the pod's status
    /// (an agent that restarted does not reset it).
    static func record(restoredFrom pod: Resource, container name: String) -> ContainerRecord {
        var record = ContainerRecord()
        let statuses = pod.value[path: ["status", "containerStatuses"]]?.arrayValue ?? []
        record.restartCount = statuses.first { $0["name"]?.stringValue == name }?["restartCount"]?.intValue ?? 0
        record.inBackOff = record.restartCount > 0
        return record
    }
}
