import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanSimulator
import Foundation

/// Creating a pod's container (environment, image, create, start) and removing one whose pod is gone.
extension DockerNodeAgent {
    /// Creates and starts the container; returns its id once the daemon has started it, nil when it waits.
    @discardableResult
    func create(
        pod: Resource, container: Value, port: Int, record: inout ContainerRecord,
        events: inout [SimulatedCluster.KubeletEvent]
    ) async -> String? {
        let name = Self.name(of: container)
        let spec: ContainerSpec
        do {
            let environment = try await environment(of: container, in: pod)
            var placement = await placement(of: pod, port: port)
            placement.volumeFolders = try await configVolumeFolders(of: pod)
            spec = try PodContainerSpec.make(
                pod: pod, container: container, placement: placement, environment: environment)
        } catch {
            fail(&record, "CreateContainerConfigError", "\(error)", events: &events, warning: "Failed")
            return nil
        }
        do {
            guard try await imageReady(spec.image, container: container, record: &record, events: &events) else {
                return nil
            }
        } catch {
            fail(&record, "CreateContainerError", error.message, events: &events, warning: "Failed")
            return nil
        }
        do {
            try await ensureClaimVolumes(of: spec, pod: pod)
        } catch {
            fail(&record, "CreateContainerError", error.message, events: &events, warning: "Failed")
            return nil
        }
        let containerName = PodContainerSpec.containerName(pod: pod, container: name)
        do {
            let id: String
            do {
                id = try await engine.createContainer(name: containerName, spec: spec)
            } catch  where error.isConflict {
                try await removeLeftover(named: containerName)
                id = try await engine.createContainer(name: containerName, spec: spec)
            }
            events.append(.init(reason: "Created", message: "Created container \(name)"))
            try await engine.startContainer(id)
            events.append(.init(reason: "Started", message: "Started container \(name)"))
            record.id = nil
            record.waitingReason = nil
            record.waitingMessage = nil
            record.retryAt = nil
            return id
        } catch {
            fail(&record, "CreateContainerError", error.message, events: &events, warning: "Failed")
            return nil
        }
    }

    /// Removes the container that holds `name` when this node left it (an earlier pod of the same name); a
    /// container of another node, another Capstan or no Capstan at all is not touched: the create fails instead.
    func removeLeftover(named name: String) async throws(DockerError) {
        let holder = try await engine.inspectContainer(name)
        guard holder.labels[ContainerLabels.managed] == "true", holder.labels[ContainerLabels.node] == node else {
            let heldBy =
                holder.labels[ContainerLabels.node].map { "of Capstan node \($0)" }
                ?? "Capstan does not manage"
            throw DockerError(
                kind: .conflict, what: "create container \(name)", status: 409,
                message: "the name is taken by a container \(heldBy), not of node \(node); remove or rename it",
                isRetryable: false)
        }
        try? await engine.removeContainer(name, force: true)
    }

    func fail(
        _ record: inout ContainerRecord, _ reason: String, _ message: String,
        events: inout [SimulatedCluster.KubeletEvent], warning: String
    ) {
        if record.waitingReason != reason || record.waitingMessage != message {
            events.append(.init(isWarning: true, reason: warning, message: "Error: \(reason): \(message)"))
        }
        record.waitingReason = reason
        record.waitingMessage = message
    }

    /// The container's variables: ConfigMaps and Secrets of the pod's namespace, Service links pointing at the
    /// service proxy instead of the (unreachable) cluster IPs.
    func environment(of container: Value, in pod: Resource) async throws -> [(name: String, value: String)] {
        let namespace = pod.namespace
        var objects: [ResourceKey: Resource] = [:]
        for type in [ResourceTypes.configMap, ResourceTypes.secret] {
            for object in try await cluster.list(type, namespace: namespace) { objects[object.key] = object }
        }
        // Every Service is reached at the proxy address: new ones have it as their cluster IP already; the
        // `kubernetes` Service and Services stored before that get it here.
        let services = try await cluster.list(ResourceTypes.service, namespace: nil).filter {
            $0.namespace == namespace || $0.namespace == ServiceLinkEnvironment.masterServiceNamespace
        }.map { service in
            guard ServiceLinkEnvironment.hasClusterIP(service) else { return service }
            var proxied = service
            proxied.value[path: ["spec", "clusterIP"]] = .string(serviceAddress)
            return proxied
        }
        let links = ServiceLinkEnvironment.variables(for: pod, services: services)
        return try PodEnvironment.build(container: container, pod: pod, object: { objects[$0] }, serviceLinks: links)
            .variables
    }

    /// The pod's node and port, and the app and revision of the workload it belongs to (`WorkloadTracking`).
    func placement(of pod: Resource, port: Int) async -> PodContainerSpec.Placement {
        var owners: [Resource] = []
        var current = pod
        // Pod → ReplicaSet → Deployment at most; bounded in case of a cycle.
        for _ in 0..<3 {
            guard let key = WorkloadTracking.controllerKey(of: current),
                let owner = try? await cluster.get([key])[key]
            else { break }
            owners.append(owner)
            current = owner
        }
        let stamps = WorkloadTracking.stamps(pod: pod, owners: owners)
        return PodContainerSpec.Placement(node: node, port: port, app: stamps.app, revision: stamps.revision)
    }

    /// Stops a container with its grace period and removes it (a pod that is gone, or a duplicate).
    func removeContainer(_ container: ContainerSummary) async {
        let grace = container.labels[ContainerLabels.gracePeriod].flatMap(Int.init) ?? 30
        try? await engine.stopContainer(container.id, timeoutSeconds: grace)
        do {
            try await engine.removeContainer(container.id, force: true)
        } catch  where !error.isNotFound {
            logger.warning("cannot remove container \(container.name): \(error.message)")
        } catch {}
    }
}
