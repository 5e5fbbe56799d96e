import Synchronization

/// Counters a job on another thread can update and a test can read afterwards.
final class Tally: Sendable {
    private let state = Mutex(State())

    private struct State {
        var order: [Int] = []
        var running = 0
        var mostAtOnce = 0
    }

    /// Notes that a job (`index`, when its order matters) began; pair with `leave()`.
    func enter(_ index: Int? = nil) {
        state.withLock { state in
            if let index { state.order.append(index) }
            state.running += 1
            state.mostAtOnce = max(state.mostAtOnce, state.running)
        }
    }

    func leave() {
        state.withLock { $0.running -= 1 }
    }

    /// How many jobs are between `enter` and `leave`.
    var running: Int { state.withLock { $0.running } }
    /// The most jobs that were ever between `enter` and `leave` at once.
    var mostAtOnce: Int { state.withLock { $0.mostAtOnce } }
    /// The indexes given to `enter`, in the order it was called.
    var order: [Int] { state.withLock { $0.order } }
}
