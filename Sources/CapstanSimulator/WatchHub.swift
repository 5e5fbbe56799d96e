import CapstanCluster
import Synchronization

/// The watchers of a cluster: each `events()` call gets a bounded stream; publishing never blocks.
final class WatchHub: Sendable {
    private let continuations = Mutex<[Int: AsyncStream<ClusterEvent>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)
    /// Events buffered per watcher before the oldest are dropped (watchers re-read the world when woken).
    static let bufferSize = 10_000

    func subscribe() -> AsyncStream<ClusterEvent> {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<ClusterEvent>.makeStream(
            bufferingPolicy: .bufferingNewest(Self.bufferSize))
        continuation.onTermination = { [weak self] _ in
            _ = self?.continuations.withLock { $0.removeValue(forKey: id) }
        }
        continuations.withLock { $0[id] = continuation }
        return stream
    }

    func publish(_ events: [ClusterEvent]) {
        guard !events.isEmpty else { return }
        let targets = continuations.withLock { Array($0.values) }
        for continuation in targets {
            for event in events { continuation.yield(event) }
        }
    }

    func finishAll() {
        let targets = continuations.withLock { current in
            defer { current.removeAll() }
            return Array(current.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
