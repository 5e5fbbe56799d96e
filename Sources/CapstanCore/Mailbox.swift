/// Where sync requests for one app wait: requests posted while a reconcile runs merge into one, and the
/// loop waits for the next request or a timeout, whichever comes first.
actor Mailbox {
    private var pending: SyncRequest?
    private var waiter: (id: Int, continuation: CheckedContinuation<SyncRequest?, Never>)?
    private var nextWaiterID = 0

    /// Adds a request; wakes the loop if it is waiting.
    func post(_ request: SyncRequest) {
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume(returning: request)
            return
        }
        pending = pending.map { $0.merged(with: request) } ?? request
    }

    /// The next request, or nil after `timeout` (or when the task is cancelled).
    func next(timeout: Duration) async -> SyncRequest? {
        if let request = pending {
            pending = nil
            return request
        }
        if Task.isCancelled { return nil }
        nextWaiterID += 1
        let id = nextWaiterID
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter = (id, continuation)
            }
        } onCancel: {
            Task { await self.expire(id) }
        }
    }

    private func expire(_ id: Int) {
        guard let waiter, waiter.id == id else { return }
        self.waiter = nil
        waiter.continuation.resume(returning: nil)
    }
}
