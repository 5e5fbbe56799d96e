import CapstanStore

/// What the API and CLI show about notifications.
extension Notifier {
    /// Each configured provider with its row counts, in configuration order.
    public func providerStatuses() async throws(StoreError) -> [NotificationProviderStatus] {
        let counts = try await store.outboxCounts()
        return providers.map { provider in
            let count = counts[provider.name] ?? StateStore.OutboxCounts()
            return NotificationProviderStatus(
                name: provider.name, type: provider.kind.rawValue, url: provider.redactedURL, pending: count.pending,
                delivered: count.delivered, dead: count.dead)
        }
    }

    /// The newest outbox rows, optionally of one provider and state, newest first.
    public func recentDeliveries(provider: String? = nil, state: StateStore.OutboxState? = nil, limit: Int = 50)
        async throws(StoreError) -> [StateStore.OutboxEntry]
    {
        try await store.outboxEntries(provider: provider, state: state, limit: limit)
    }
}
