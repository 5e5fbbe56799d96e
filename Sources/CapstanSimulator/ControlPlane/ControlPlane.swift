import CapstanModel
import Foundation

/// Everything the controllers of the simulated cluster read and write: objects, the simulated time,
/// wake-up timers, the random generator and the event recorder.
struct ControlPlane: Sendable {
    var store = ObjectStore()
    var now: Date
    var timers = TimerQueue()
    var random: SeededRandom
    var events = EventRecorder()
    var clusterIPs = ClusterIPAllocator()
    var faults = SimulationFaults()
    /// The faults as last written to the state store, to write them again only when they change.
    var persistedFaults: Value?
    let options: SimulatedClusterOptions

    init(options: SimulatedClusterOptions, now: Date) {
        self.options = options
        self.now = SimulatedTime.quantize(now)
        self.random = SeededRandom(seed: options.seed)
    }

    /// Asks for `controller` to look at `key` again after `delay` of simulated time.
    mutating func requeue(_ controller: ControllerID, _ key: ResourceKey, after delay: TimeInterval) {
        requeue(controller, key, at: now.addingTimeInterval(delay))
    }

    /// Asks for `controller` to look at `key` again at `time`; a time already reached means the next
    /// millisecond, so a controller can never wake itself at the instant it is running in.
    mutating func requeue(_ controller: ControllerID, _ key: ResourceKey, at time: Date) {
        let earliest = now.addingTimeInterval(0.001)
        timers.schedule(controller, key, at: hasReached(time) ? earliest : time)
    }

    /// True once simulated time has reached `time`, compared at the simulation's millisecond resolution
    /// (times parsed back from object timestamps are not exact binary fractions).
    func hasReached(_ time: Date) -> Bool {
        SimulatedTime.milliseconds(now) >= SimulatedTime.milliseconds(time)
    }

    /// Creates an object the way the API server does for controllers: uid, timestamp, generation.
    mutating func createObject(_ object: Resource) {
        var object = object
        DefaultTolerationSeconds.admit(&object, seconds: options.defaultTolerationSeconds)
        object.uid = freshUID()
        object.creationTimestamp = now
        if object.spec != nil { object.generation = 1 }
        store.create(object)
    }

    /// A uid no stored object has (Kubernetes never hands one out twice).
    mutating func freshUID() -> String {
        var uid = random.uid()
        while store.object(uid: uid) != nil { uid = random.uid() }
        return uid
    }

    /// Moves the generator past the sequence it gave out before a restart: the seed mixed with the restored
    /// resource version, which only grows over the cluster's life (deterministic for the same stored state).
    mutating func reseedAfterRestore() {
        guard store.resourceVersion > 0 else { return }
        random = SeededRandom(seed: options.seed ^ (UInt64(store.resourceVersion) &* 0xD6E8_FEB8_6659_FD93))
    }

    /// A fresh name `prefix-xxxxx` that no object of that type has in that namespace.
    mutating func generateName(prefix: String, group: String, kind: String, namespace: String) -> String {
        for _ in 0..<64 {
            let name = "\(prefix)-\(random.nameSuffix())"
            if store[ResourceKey(group: group, kind: kind, namespace: namespace, name: name)] == nil { return name }
        }
        return "\(prefix)-\(random.nameSuffix(length: 10))"
    }

    /// Records a Kubernetes Event about `object`.
    mutating func recordEvent(
        _ object: Resource, type: EventRecorder.EventType = .normal, reason: String,
        message: String
    ) {
        events.record(about: object, type: type, reason: reason, message: message, now: now, limit: options.maxEvents)
    }

    /// A free simulated Service address, or the shared one when the options name it.
    mutating func allocateClusterIP() -> String {
        if let shared = options.sharedServiceAddress { return shared }
        var allocator = clusterIPs
        defer { clusterIPs = allocator }
        return allocator.allocate(store, &random)
    }

    /// The current time in the simulation as an object timestamp.
    var timestamp: Value { .string(SimulatedTime.format(now)) }
}
