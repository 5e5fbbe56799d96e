import CapstanModel

/// Runs the controllers: feeds every object change to each controller's work queue and reconciles
/// queued keys until nothing changes any more (kube-controller-manager in one thread, deterministic).
struct ControllerManager: Sendable {
    private var controllers: [any Controller]
    private var queues: [WorkQueue]
    /// Reconciles run and time spent, per controller.
    private(set) var work: [ControllerID: ControllerWork] = [:]

    /// Reconciles allowed in one run before the manager stops and reports a livelock.
    static let reconcileBudget = 2_000_000

    init(controllers: [any Controller]) {
        self.controllers = controllers.sorted { $0.id < $1.id }
        self.queues = Array(repeating: WorkQueue(), count: controllers.count)
    }

    /// Queues `key` for the controller `id`.
    mutating func enqueue(_ id: ControllerID, _ key: ResourceKey) {
        guard let index = controllers.firstIndex(where: { $0.id == id }) else { return }
        queues[index].add(key)
    }

    /// Queues every object for every controller that cares, as an informer's initial list does.
    mutating func resyncAll(_ plane: ControlPlane) {
        for object in plane.store.objects.values.sorted(by: { $0.key < $1.key }) {
            route(ObjectChange(key: object.key, kind: .added, object: object, previous: nil), plane)
        }
    }

    /// Processes changes and queued keys until the control plane is quiet.
    /// Returns false when the reconcile budget ran out (a controller that never settles).
    @discardableResult
    mutating func runUntilQuiet(_ plane: inout ControlPlane) -> Bool {
        var budget = Self.reconcileBudget
        while true {
            drainChanges(&plane)
            guard let index = queues.firstIndex(where: { !$0.isEmpty }) else { return true }
            let keys = queues[index].takeAll()
            let clock = ContinuousClock()
            let started = clock.now
            for key in keys {
                budget -= 1
                if budget < 0 { return false }
                controllers[index].reconcile(key, in: &plane)
                // Changes made by an earlier controller in the order are handled before later ones run.
                if !plane.store.pendingChanges.isEmpty { drainChanges(&plane) }
            }
            work[controllers[index].id, default: ControllerWork()].add(
                reconciles: keys.count, time: started.duration(to: clock.now))
        }
    }

    private mutating func drainChanges(_ plane: inout ControlPlane) {
        while !plane.store.pendingChanges.isEmpty {
            let changes = plane.store.pendingChanges
            plane.store.pendingChanges.removeAll(keepingCapacity: true)
            for change in changes { route(change, plane) }
        }
    }

    private mutating func route(_ change: ObjectChange, _ plane: ControlPlane) {
        guard change.key.kind != "Event" else { return }
        for index in controllers.indices {
            for key in controllers[index].keys(for: change, in: plane) { queues[index].add(key) }
        }
    }
}

/// How much one controller has done: reconciles and the time they took (change routing to other
/// controllers made during them included).
public struct ControllerWork: Sendable, Hashable, Codable {
    public var reconciles = 0
    public var seconds = 0.0

    mutating func add(reconciles count: Int, time: Duration) {
        reconciles += count
        seconds += time.seconds
    }
}

/// A de-duplicating FIFO of keys (client-go's workqueue).
struct WorkQueue: Sendable {
    private var order: [ResourceKey] = []
    private var members: Set<ResourceKey> = []

    var isEmpty: Bool { order.isEmpty }

    mutating func add(_ key: ResourceKey) {
        if members.insert(key).inserted { order.append(key) }
    }

    mutating func takeAll() -> [ResourceKey] {
        let keys = order
        order.removeAll(keepingCapacity: true)
        members.removeAll(keepingCapacity: true)
        return keys
    }
}
