import CapstanCluster
import CapstanModel
import CapstanStore
import Foundation

/// Capstan's embedded Kubernetes-like cluster: an API server, controllers, a scheduler and kubelets over an
/// object store persisted in the state store, on a simulated clock that only moves when told to.
public actor SimulatedCluster: ClusterBackend {
    /// The backend's name: `simulated`, or `docker` when Docker node agents run its pods (`options.name`).
    public nonisolated let name: String
    /// The kinds the backend runs (`options.kindSupport`); the cluster itself stores any kind it is given.
    public nonisolated let kindSupport: KindSupport
    var plane: ControlPlane
    var manager: ControllerManager
    let stateStore: StateStore?
    let hub = WatchHub()
    /// Counts of requests and writes, for tests and the API.
    public internal(set) var statistics = SimulatedClusterStatistics()

    /// Opens the cluster stored in `store` (or creates it from `options`), with nodes as `options` says.
    public init(options: SimulatedClusterOptions = SimulatedClusterOptions(), store: StateStore? = nil)
        throws(StoreError)
    {
        let stored = try store?.loadObjects(cluster: options.name) ?? []
        let storedTime = try store?.clusterMeta(cluster: options.name, "now").flatMap(SimulatedTime.parse)
        let start = storedTime ?? options.startTime ?? Date()
        var plane = ControlPlane(options: options, now: start)
        Self.restore(stored, into: &plane)
        if let version = try store?.clusterMeta(cluster: options.name, "resourceVersion").flatMap({ Int($0) }) {
            plane.store.setResourceVersionFloor(version)
        }
        plane.reseedAfterRestore()
        if let faults = try Self.storedFaults(store, cluster: options.name) {
            plane.faults = faults
            plane.persistedFaults = faults.value
        }
        let restoredVersion = plane.store.resourceVersion
        Self.bootstrap(&plane)
        var manager = ControllerManager(controllers: [
            NamespaceController(), GarbageCollector(), NodeLifecycleController(), DeploymentController(),
            StatefulSetController(), ReplicaSetController(), HorizontalPodAutoscalerController(), VolumeBinder(),
            Scheduler(), Kubelet(), EndpointsController(),
        ])
        manager.resyncAll(plane)
        manager.runUntilQuiet(&plane)
        plane.store.watchEvents.removeAll()
        try Self.flush(&plane, to: store)
        // Writes made while starting count too: a reopened, settled cluster must show none.
        statistics.objectWrites = plane.store.resourceVersion - restoredVersion
        self.plane = plane
        self.manager = manager
        self.stateStore = store
        self.name = options.name
        self.kindSupport = options.kindSupport
    }

    /// The simulated time now.
    public var now: Date { plane.now }

    /// The next time a controller asked to be woken, if any.
    public var nextWakeUp: Date? { plane.timers.earliest }

    // MARK: ClusterReader

    public func get(_ keys: [ResourceKey]) async throws(ClusterError) -> [ResourceKey: Resource] {
        var found: [ResourceKey: Resource] = [:]
        found.reserveCapacity(keys.count)
        for key in keys {
            if let object = plane.store[key] { found[key] = object }
        }
        return found
    }

    public func list(_ type: ResourceType, namespace: String?) async throws(ClusterError) -> [Resource] {
        let stored = plane.store.list(group: type.group, kind: type.kind, namespace: type.namespaced ? namespace : nil)
        if type.group.isEmpty && type.kind == "Event" { return plane.events.events(namespace: namespace) + stored }
        return stored
    }

    /// Every kind the cluster holds objects of (built-in or not).
    public func storedTypes() -> [(group: String, kind: String)] {
        plane.store.types.map { ($0.group, $0.kind) }.sorted { ($0.group, $0.kind) < ($1.group, $1.kind) }
    }

    // MARK: ClusterWriter

    public func apply(_ resources: [Resource]) async -> [Result<Resource, ClusterError>] {
        statistics.applyRequests += resources.count
        var results: [Result<Resource, ClusterError>] = []
        results.reserveCapacity(resources.count)
        for resource in resources {
            do throws(ClusterError) {
                results.append(.success(try APIServer.apply(resource, in: &plane)))
            } catch {
                results.append(.failure(error))
            }
        }
        if let failure = settle() { return results.map { _ in .failure(failure) } }
        // Return objects as they are after controllers ran (status, generation).
        return results.map { result in result.map { plane.store[$0.key] ?? $0 } }
    }

    /// Runs the API server's checks for the whole batch, in order, storing nothing.
    public func validate(_ resources: [Resource]) async -> [ClusterError?] {
        var namespaces: Set<String> = []
        return resources.map { resource in
            do throws(ClusterError) {
                let admitted = try APIServer.admit(resource, in: plane, namespaces: namespaces).object
                if admitted.kind == "Namespace", admitted.group.isEmpty { namespaces.insert(admitted.name) }
                return nil
            } catch {
                return error
            }
        }
    }

    public func delete(_ keys: [ResourceKey]) async -> [Result<Void, ClusterError>] {
        statistics.deleteRequests += keys.count
        var results: [Result<Void, ClusterError>] = []
        for key in keys {
            do throws(ClusterError) {
                try APIServer.delete(key, in: &plane)
                results.append(.success(()))
            } catch {
                results.append(.failure(error))
            }
        }
        if let failure = settle() { return results.map { _ in .failure(failure) } }
        return results
    }

    public nonisolated func events() -> AsyncStream<ClusterEvent> { hub.subscribe() }

    /// Runs controllers until quiet, publishes changes to watchers and persists them.
    /// Returns an error when persisting failed (the in-memory state stays and is retried next time).
    func settle() -> ClusterError? {
        let before = plane.store.resourceVersion
        if !manager.runUntilQuiet(&plane) {
            statistics.livelocks += 1
        }
        statistics.objectWrites += plane.store.resourceVersion - before
        let events = plane.store.watchEvents
        plane.store.watchEvents.removeAll(keepingCapacity: true)
        hub.publish(events)
        do {
            try Self.flush(&plane, to: stateStore)
            return nil
        } catch {
            return ClusterError(.unavailable, error.description)
        }
    }

    /// Reconciles and time spent per controller since the cluster was opened, by controller name.
    public var controllerWork: [String: ControllerWork] {
        Dictionary(uniqueKeysWithValues: manager.work.map { ("\($0.key)", $0.value) })
    }

    /// Ends every watch stream.
    public func shutdown() {
        hub.finishAll()
        // Keep the clock where it stopped, even if no object changed since the last write.
        try? Self.flush(&plane, to: stateStore, force: true)
    }
}

/// How much a simulated cluster has been asked to do and has done.
public struct SimulatedClusterStatistics: Sendable, Hashable, Codable {
    /// Objects passed to `apply` by clients (Capstan's sync), counted one by one.
    public var applyRequests = 0
    /// Keys passed to `delete` by clients.
    public var deleteRequests = 0
    /// Object writes of any origin (clients and controllers), i.e. resource versions used.
    public var objectWrites = 0
    /// Times the controllers did not settle within their budget (a bug if ever non-zero).
    public var livelocks = 0
}
