import Synchronization

/// What the senders and the pusher of a throughput run share: how many deliveries were issued, and the index of
/// the newest commit pushed (the one every delivery names).
final class DeliveryProgress: Sendable {
    private let issuedCount = Atomic<Int>(0)
    private let pushedIndex: Atomic<Int>

    init(pushed: Int) {
        pushedIndex = Atomic(pushed)
    }

    /// Takes the next delivery number (0, 1, …).
    func take() -> Int {
        issuedCount.wrappingAdd(1, ordering: .relaxed).oldValue
    }

    var issued: Int { issuedCount.load(ordering: .relaxed) }

    var pushed: Int {
        pushedIndex.load(ordering: .acquiring)
    }

    func setPushed(_ index: Int) {
        pushedIndex.store(index, ordering: .releasing)
    }
}
