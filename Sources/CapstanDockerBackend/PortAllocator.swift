import Synchronization

/// The host ports of pods (their `PORT`), from a range, one per pod uid; shared by the agents of daemons on the
/// same host. A port in use by a container found at start is adopted, so a restarted Capstan keeps it.
public final class PortAllocator: Sendable {
    private struct State {
        var byPod: [String: Int] = [:]
        var used: Set<Int> = []
        var next: Int
    }

    public let range: ClosedRange<Int>
    private let state: Mutex<State>
    private let isFree: @Sendable (Int) -> Bool

    /// `isFree` tells whether a port is usable on the host (default: it can be bound); ports in use by other
    /// programs are skipped.
    public init(range: ClosedRange<Int> = 30_000...32_767, isFree: @escaping @Sendable (Int) -> Bool = PortProbe.isFree)
    {
        self.range = range
        self.isFree = isFree
        state = Mutex(State(next: range.lowerBound))
    }

    /// The port of the pod `uid`, allocated on first use; nil when the range is exhausted.
    public func port(for uid: String) -> Int? {
        state.withLock { state in
            if let port = state.byPod[uid] { return port }
            for _ in range {
                let candidate = state.next
                state.next = candidate == range.upperBound ? range.lowerBound : candidate + 1
                guard !state.used.contains(candidate), isFree(candidate) else { continue }
                state.used.insert(candidate)
                state.byPod[uid] = candidate
                return candidate
            }
            return nil
        }
    }

    /// Records that the pod `uid` already has `port` (from a running container's label).
    public func adopt(_ port: Int, for uid: String) {
        state.withLock { state in
            guard state.byPod[uid] == nil else { return }
            state.byPod[uid] = port
            state.used.insert(port)
        }
    }

    /// Frees the port of a pod that is gone.
    public func release(_ uid: String) {
        state.withLock { state in
            if let port = state.byPod.removeValue(forKey: uid) { state.used.remove(port) }
        }
    }

    /// The pod's port when it has one.
    public func existingPort(for uid: String) -> Int? { state.withLock { $0.byPod[uid] } }
}
