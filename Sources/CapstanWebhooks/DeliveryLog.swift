/// A bounded memory of recent delivery ids, least recently seen forgotten first, so a redelivered or
/// replayed delivery is recognised without the memory growing.
public struct DeliveryLog: Sendable {
    /// How many ids are remembered.
    public let capacity: Int
    /// Each id and when it was last seen.
    private var lastSeen: [String: Int] = [:]
    /// Ids in the order they were seen; an entry is stale when the id was seen again later.
    private(set) var order: [(id: String, tick: Int)] = []
    private var head = 0
    private var tick = 0

    public init(capacity: Int = 1000) {
        precondition(capacity > 0, "a delivery log remembers at least one id")
        self.capacity = capacity
    }

    /// The number of ids remembered.
    public var count: Int { lastSeen.count }

    /// Remembers `id`; true when it is new, false when it was seen recently (a duplicate).
    public mutating func record(_ id: String) -> Bool {
        tick += 1
        let isNew = lastSeen.updateValue(tick, forKey: id) == nil
        order.append((id, tick))
        while lastSeen.count > capacity, head < order.count {
            let oldest = order[head]
            head += 1
            if lastSeen[oldest.id] == oldest.tick { lastSeen[oldest.id] = nil }
        }
        if head > capacity || order.count - head > 2 * capacity { compact() }
        return isNew
    }

    /// Drops consumed and stale entries (amortised: at most once per `capacity` records).
    private mutating func compact() {
        order = lastSeen.map { (id: $0.key, tick: $0.value) }.sorted { $0.tick < $1.tick }
        head = 0
    }
}
