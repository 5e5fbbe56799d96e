import CapstanModel
import Foundation

/// One kubelet sync of one pod (the kubelet's SyncPod, with a simulated container runtime): moves each
/// container as far as the simulated time allows — image pull, start, readiness, liveness kill, restart with
/// back-off — and collects the events to record and the time to look again.
struct PodSync {
    struct Event {
        var type: EventRecorder.EventType
        var reason: String
        var message: String
    }

    let pod: Resource
    let now: Date
    /// Image pull plus container start time.
    let startDelay: TimeInterval
    let unpullableImages: Set<String>
    var status: PodStatusBuilder
    var record: KubeletRecord
    private(set) var events: [Event] = []
    /// The earliest time something is due, if anything is.
    private(set) var wakeAt: Date?

    init(pod: Resource, plane: ControlPlane) {
        self.pod = pod
        now = plane.now
        startDelay = plane.options.startDelay.seconds
        unpullableImages = plane.faults.unpullableImages
        status = PodStatusBuilder(pod: pod, now: plane.timestamp)
        record = KubeletRecord(pod)
    }

    var restartPolicy: String { pod.spec?["restartPolicy"]?.stringValue ?? "Always" }

    /// True when a container runs but the pod has no address yet: its containers just started for the first time.
    var isFirstStart: Bool { !status.hasAddress && status.containers.contains { $0.runningSince != nil } }

    /// Runs the sync; `hostIP` is the node's address, reported when the pod is first accepted.
    mutating func run(hostIP: String) {
        let specs = pod.containers
        if status.startTime == nil {
            status.beginCreating(hostIP: hostIP)
            for index in status.containers.indices {
                var container = status.containers[index]
                beginPull(&container)
                status.containers[index] = container
            }
        }
        for index in status.containers.indices {
            var container = status.containers[index]
            var entry = record[container.name]
            sync(&container, &entry, spec: index < specs.count ? specs[index] : [:])
            status.containers[index] = container
            record[container.name] = entry
        }
        status.finish(restartPolicy: restartPolicy)
    }

    private mutating func sync(_ container: inout ContainerStatus, _ entry: inout KubeletRecord.Container, spec: Value)
    {
        let probe = LivenessProbe(container: spec)
        if probe != nil, LivenessProbe.isFailing(container.name, in: pod) {
            if entry.livenessFailingSince == nil { entry.livenessFailingSince = now }
        } else {
            entry.livenessFailingSince = nil
        }
        // Pull → start, run → liveness kill, kill → restart: at most three transitions in one sync.
        for _ in 0..<4 {
            let before = container
            switch container.state {
            case .waiting(let reason, _):
                if container.lastTermination != nil || reason == "CrashLoopBackOff" {
                    restartIfDue(&container, &entry)
                } else {
                    pullOrStart(&container, &entry, reason: reason)
                }
            case .running(let startedAt):
                checkProbes(&container, entry, spec: spec, probe: probe, startedAt: startedAt)
            case .terminated:
                restartIfDue(&container, &entry)
            }
            if container == before { break }
        }
    }

    /// Readiness after the readiness probe's initial delay; a kill once the liveness probe has failed
    /// `failureThreshold` times in a row.
    private mutating func checkProbes(
        _ container: inout ContainerStatus, _ entry: KubeletRecord.Container, spec: Value, probe: LivenessProbe?,
        startedAt: Date
    ) {
        if let probe, let since = entry.livenessFailingSince {
            let killAt = probe.killTime(start: startedAt, failingSince: max(since, startedAt))
            if reached(killAt) {
                kill(&container, startedAt: startedAt)
                return
            }
            wake(at: killAt)
        }
        let delay = TimeInterval(spec[path: ["readinessProbe", "initialDelaySeconds"]]?.intValue ?? 0)
        let readyAt = startedAt.addingTimeInterval(delay)
        container.ready = reached(readyAt)
        if !container.ready { wake(at: readyAt) }
    }

    private mutating func kill(_ container: inout ContainerStatus, startedAt: Date) {
        emit(
            .warning, "Unhealthy",
            "Liveness probe failed: simulated failure (\(LivenessProbe.failingAnnotation) names this container)")
        emit(.normal, "Killing", "Container \(container.name) failed liveness probe, will be restarted")
        container.state = .terminated(
            ContainerStatus.Termination(
                exitCode: 137, reason: "Error", startedAt: startedAt, finishedAt: now,
                containerID: container.containerID))
        container.ready = false
        container.started = false
    }

    /// A container instance starts now.
    mutating func startInstance(_ container: inout ContainerStatus) {
        container.state = .running(startedAt: now)
        container.started = true
        container.ready = false
        let base = "simulated://\(pod.uid.prefix(8))-\(container.name)"
        container.containerID = container.restartCount == 0 ? base : "\(base)-\(container.restartCount)"
        container.imageID = "sha256:" + Value.string(container.image).sha256Hex()
        emit(.normal, "Created", "Created container \(container.name)")
        emit(.normal, "Started", "Started container \(container.name)")
    }

    mutating func emit(_ type: EventRecorder.EventType, _ reason: String, _ message: String) {
        events.append(Event(type: type, reason: reason, message: message))
    }

    func reached(_ time: Date) -> Bool { SimulatedTime.milliseconds(now) >= SimulatedTime.milliseconds(time) }

    mutating func wake(at time: Date) {
        if let wakeAt, wakeAt <= time { return }
        wakeAt = time
    }

    /// `pod_default(uid)`, as the kubelet names a pod in messages.
    var podDescription: String { "\(pod.name)_\(pod.namespace)(\(pod.uid))" }
}
