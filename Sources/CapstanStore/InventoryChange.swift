import CapstanModel

/// Changes to one app's inventory after a sync: entries written or replaced, and keys no longer managed.
public struct InventoryChange: Sendable, Hashable {
    public var upserts: [InventoryEntry]
    public var removals: [ResourceKey]

    public init(upserts: [InventoryEntry] = [], removals: [ResourceKey] = []) {
        self.upserts = upserts
        self.removals = removals
    }

    public var isEmpty: Bool { upserts.isEmpty && removals.isEmpty }
}
