/// Wakes a loop early: `signal()` from any task ends the current (or next) `wait`; several signals before a
/// wait count as one, since the loop re-reads everything anyway (level-based).
actor WakeSignal {
    private var pending = false
    private var waiter: CheckedContinuation<Void, Never>?
    private var generation = 0

    func signal() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
        } else {
            pending = true
        }
    }

    /// Returns on a signal, after `timeout`, or when the task is cancelled.
    func wait(timeout: Duration) async {
        if pending || Task.isCancelled {
            pending = false
            return
        }
        generation += 1
        let mine = generation
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.expire(mine)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in waiter = continuation }
        } onCancel: {
            Task { await self.signal() }
        }
        timer.cancel()
    }

    private func expire(_ generation: Int) {
        guard generation == self.generation, let waiter else { return }
        self.waiter = nil
        waiter.resume()
    }
}
