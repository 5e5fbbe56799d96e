import CapstanCluster
import CapstanDocker
import CapstanHTTPClient
import CapstanModel
import CapstanSimulator
import Foundation
import Logging

/// The kubelet of one Docker daemon (a node of the control plane): makes the daemon's Capstan containers match
/// the pods bound to the node, runs their probes, restarts them with back-off, and reports pod status back
/// (docs/docker-backend.md). Level-based: each pass lists the node's pods and the daemon's labelled containers
/// (one call) and converges; events and timers only decide when the next pass runs.
public actor DockerNodeAgent {
    public nonisolated let node: String
    let engine: DockerEngine
    let cluster: SimulatedCluster
    let ports: PortAllocator
    let prober: ProbeRunner
    let puller: ImagePuller
    /// The address pods of this node have (127.0.0.1 for a local daemon: host networking).
    let hostIP: String
    /// Where Services are served (their `NAME_SERVICE_HOST`).
    let serviceAddress: String
    let logger: Logger
    let settings: NodeAgentSettings
    /// The node's folder of ConfigMap and Secret volume files; nil for a daemon on another host.
    let volumeFiles: VolumeDirectory?
    /// The versions of the ConfigMaps and Secrets whose files were written, per pod uid.
    var configVersions: [String: [String]] = [:]
    var records: [String: ContainerRecord] = [:]
    /// The status last reported (or queued) per pod uid, to report only changes.
    var reported: [String: Value] = [:]
    /// Reports queued for the control plane, and the task sending them (`DockerNodeAgent+Reports`).
    var pendingReports: [SimulatedCluster.PodStatusUpdate] = []
    var reporter: Task<Void, Never>?
    var startTimes: [String: String] = [:]
    /// Containers Docker reported an `update` for since the last pass, and what this pass inspects for drift.
    var updatedContainers: Set<String> = []
    var driftCheck = DriftCheck()
    var nextFullDriftCheck = Date.distantPast
    var driftInterval: Duration = .seconds(30)
    /// PersistentVolumeClaims deleted from the control plane whose volumes are still to prune or keep.
    var deletedClaims: Set<ResourceKey> = []
    /// The earliest time something (a probe, a restart, a retry) is due.
    var nextDue: Date?
    let wake = WakeSignal()
    /// Images the daemon was found to have during the current pass.
    var imagesPresentThisPass: Set<String> = []
    /// Passes in a row that could not reach the daemon; at `failureThreshold` the node is marked failed.
    var unreachablePasses = 0
    static let failureThreshold = 3
    /// Pods converged at once in a pass (each may hold a connection to the daemon: `DockerEngine` allows 16).
    static let parallelPods = 8

    public init(
        node: String, engine: DockerEngine, cluster: SimulatedCluster, ports: PortAllocator,
        hostIP: String = "127.0.0.1",
        serviceAddress: String = "127.0.0.1", http: CurlHTTPClient, logger: Logger,
        settings: NodeAgentSettings = NodeAgentSettings()
    ) {
        self.node = node
        self.engine = engine
        self.cluster = cluster
        self.ports = ports
        self.hostIP = hostIP
        self.serviceAddress = serviceAddress
        self.prober = ProbeRunner(engine: engine, http: http, host: hostIP)
        self.settings = settings
        volumeFiles =
            Self.isOnThisHost(engine.endpoint) ? VolumeDirectory(root: "\(settings.volumeDirectory)/\(node)") : nil
        var logger = logger
        logger[metadataKey: "node"] = .string(node)
        self.logger = logger
        puller = ImagePuller(
            engine: engine, logger: logger, progressInterval: settings.pullProgressInterval,
            finished: { [wake] in await wake.signal() })
    }

    /// Runs passes until cancelled: after cluster changes to pods, Docker events of Capstan's containers, when a
    /// probe, restart or retry is due, and at least every `driftInterval` (the drift check).
    public func run(driftInterval: Duration = .seconds(30)) async {
        self.driftInterval = driftInterval
        // Subscribed before the first pass, so that no change falls between that pass and the subscription.
        let changes = cluster.events()
        let clusterEvents = Task { [wake, weak self] in
            for await event in changes {
                if event.key.kind == "PersistentVolumeClaim" && event.change == .deleted {
                    await self?.claimDeleted(event.key)
                } else if event.key.kind != "Pod" && event.key.kind != "Node" {
                    continue
                }
                await wake.signal()
            }
        }
        let dockerEvents = Task { [wake, engine, node, weak self] in
            var since = Date().addingTimeInterval(-1)
            while !Task.isCancelled {
                let stream = engine.events(
                    labels: [ContainerLabels.managed: "true", ContainerLabels.node: node], types: ["container"],
                    since: since)
                do {
                    for try await event in stream {
                        since = event.time
                        if event.action == "update" { await self?.noteUpdated(event.actorID) }
                        await wake.signal()
                    }
                } catch {}
                try? await Task.sleep(for: .seconds(1))
            }
        }
        defer {
            clusterEvents.cancel()
            dockerEvents.cancel()
        }
        while !Task.isCancelled {
            var timeout = driftInterval
            do {
                try await syncOnce()
                await daemonAnswered()
            } catch {
                logger.warning("node pass failed: \(error)")
                if error.isRetryable {
                    await daemonDidNotAnswer(error)
                    timeout = min(timeout, .seconds(2))
                }
            }
            if let nextDue {
                let seconds = max(nextDue.timeIntervalSinceNow, 0.05)
                timeout = min(timeout, .milliseconds(Int64(seconds * 1000)))
            }
            await wake.wait(timeout: timeout)
        }
    }

    /// One pass: removes containers whose pod is gone, converges every pod of the node, reports status (sent
    /// beside the convergence; all of it is in the control plane when the pass returns).
    public func syncOnce() async throws(DockerError) {
        let pods = await cluster.pods(onNode: node).filter(Self.isActive)
        imagesPresentThisPass = []
        let containers = try await engine.listContainers(
            labels: [ContainerLabels.managed: "true", ContainerLabels.node: node])
        driftCheck = DriftCheck(all: Date() >= nextFullDriftCheck, containers: updatedContainers)
        updatedContainers = []
        if driftCheck.all { nextFullDriftCheck = Date().addingTimeInterval(driftInterval.seconds) }
        var byKey: [String: ContainerSummary] = [:]
        var unwanted: [ContainerSummary] = []
        for container in containers.sorted(by: { $0.created < $1.created }) {
            let key = Self.key(container.labels[ContainerLabels.podUID], container.labels[ContainerLabels.container])
            if let older = byKey[key] { unwanted.append(older) }
            byKey[key] = container
            if let uid = container.labels[ContainerLabels.podUID],
                let port = container.labels[ContainerLabels.port]
                    .flatMap(Int.init)
            {
                ports.adopt(port, for: uid)
            }
        }
        var wanted: Set<String> = []
        for pod in pods {
            for container in PodContainers.of(pod) {
                wanted.insert(Self.key(Self.uid(of: pod), Self.name(of: container)))
            }
        }
        for (key, container) in byKey where !wanted.contains(key) {
            unwanted.append(container)
            byKey[key] = nil
        }
        await removeConcurrently(unwanted)
        let uids = Set(pods.map(Self.uid))
        for uid in Set(reported.keys).subtracting(uids) {
            reported[uid] = nil
            startTimes[uid] = nil
            ports.release(uid)
        }
        records = records.filter { wanted.contains($0.key) }
        removeConfigVolumes(keeping: uids)
        await pruneDeletedClaims()
        nextDue = nil
        await convergeConcurrently(pods, containers: byKey)
        await flushReports()
    }

    /// Stops (each with its pod's grace period) and removes containers `Self.parallelPods` at a time, as the
    /// kubelet kills pods in parallel: one slow stop does not hold up the others.
    func removeConcurrently(_ containers: [ContainerSummary]) async {
        await withTaskGroup(of: Void.self) { group in
            for (index, container) in containers.enumerated() {
                if index >= Self.parallelPods { await group.next() }
                group.addTask { await self.removeContainer(container) }
            }
        }
    }

    /// Converges the pods `Self.parallelPods` at a time: each pod's calls to the daemon run in turn, different
    /// pods' calls overlap (the actor is re-entered at each call; a pod's records are its own).
    func convergeConcurrently(_ pods: [Resource], containers: [String: ContainerSummary]) async {
        await withTaskGroup(of: Void.self) { group in
            var started = 0
            for pod in pods {
                if started >= Self.parallelPods { await group.next() }
                group.addTask { await self.converge(pod, containers: containers) }
                started += 1
            }
        }
    }

    static func isActive(_ pod: Resource) -> Bool {
        let phase = pod.value[path: ["status", "phase"]]?.stringValue
        return phase != "Succeeded" && phase != "Failed"
            && pod.value[path: ["metadata", "deletionTimestamp"]] == nil
    }

    static func uid(of pod: Resource) -> String { pod.value[path: ["metadata", "uid"]]?.stringValue ?? "" }
    static func name(of container: Value) -> String { container["name"]?.stringValue ?? "main" }
    static func key(_ uid: String?, _ container: String?) -> String { "\(uid ?? "")/\(container ?? "")" }

    /// Asks for the next pass to run now.
    public func poke() async { await wake.signal() }

    func due(_ time: Date) {
        if nextDue.map({ time < $0 }) ?? true { nextDue = time }
    }

    /// After `failureThreshold` unanswered passes the node fails: its pods go not Ready and are evicted after the
    /// toleration (`podEvictionTimeout`), and the scheduler places their replacements on other nodes.
    func daemonDidNotAnswer(_ error: DockerError) async {
        unreachablePasses += 1
        guard unreachablePasses == Self.failureThreshold else { return }
        logger.error("docker daemon of node \(node) does not answer; node marked failed: \(error.message)")
        try? await cluster.failNode(node)
    }

    /// A daemon that answers again brings its node back (the pods that moved away meanwhile are strays the next
    /// pass removes). Also after a restart of Capstan, when the stored node is still marked failed.
    func daemonAnswered() async {
        let wasUnreachable = unreachablePasses >= Self.failureThreshold
        unreachablePasses = 0
        let key = ResourceKey(group: "", kind: "Node", namespace: "", name: node)
        guard let stored = try? await cluster.get([key])[key],
            stored.value[path: ["metadata", "annotations", "simulation.capstan.io/failed-at"]] != nil
        else { return }
        if wasUnreachable { logger.notice("docker daemon of node \(node) answers again; node recovered") }
        try? await cluster.recoverNode(node)
    }
}
