import CapstanModel

/// Where sync requests for one app wait. Requests posted while a reconcile runs merge into one; callers that
/// want the result wait for the reconcile that serves their request. Only the app's loop takes from it, so
/// reconciles of one app never overlap.
actor Mailbox {
    typealias Waiter = CheckedContinuation<AppStatus?, Never>

    /// A merged request and everyone waiting for it.
    struct Delivery: Sendable {
        var request: SyncRequest
        var waiters: [Waiter]
    }

    private var pending: Delivery?
    private var loopWaiter: (id: Int, continuation: CheckedContinuation<Delivery?, Never>)?
    private var nextWaiterID = 0
    private var closed = false

    /// Adds a request; wakes the loop if it is waiting.
    func post(_ request: SyncRequest) {
        deliver(Delivery(request: request, waiters: []))
    }

    /// Adds a request and waits until a reconcile that includes it has finished; nil when the loop has stopped.
    func postAndWait(_ request: SyncRequest) async -> AppStatus? {
        guard !closed else { return nil }
        return await withCheckedContinuation { waiter in
            deliver(Delivery(request: request, waiters: [waiter]))
        }
    }

    /// The next request, or nil after `timeout` (or when the task is cancelled).
    func next(timeout: Duration) async -> Delivery? {
        if let delivery = pending {
            pending = nil
            return delivery
        }
        if Task.isCancelled || closed { return nil }
        nextWaiterID += 1
        let id = nextWaiterID
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                loopWaiter = (id, continuation)
            }
        } onCancel: {
            Task { await self.expire(id) }
        }
    }

    /// Stops taking requests and releases everyone still waiting.
    func close() {
        closed = true
        for waiter in pending?.waiters ?? [] { waiter.resume(returning: nil) }
        pending = nil
    }

    private func deliver(_ delivery: Delivery) {
        if let loopWaiter {
            self.loopWaiter = nil
            loopWaiter.continuation.resume(returning: delivery)
            return
        }
        if var merged = pending {
            merged.request = merged.request.merged(with: delivery.request)
            merged.waiters += delivery.waiters
            pending = merged
        } else {
            pending = delivery
        }
    }

    private func expire(_ id: Int) {
        guard let loopWaiter, loopWaiter.id == id else { return }
        self.loopWaiter = nil
        loopWaiter.continuation.resume(returning: nil)
    }
}
