import CapstanModel

/// Which pods are bound to each node, kept from the stream of pod changes (a field index on spec.nodeName).
struct PodsByNode: Sendable {
    private var byNode: [String: Set<ResourceKey>] = [:]
    private var nodeOf: [ResourceKey: String] = [:]

    mutating func observe(_ change: ObjectChange) {
        let node = change.kind == .deleted ? "" : change.object.nodeName
        let previous = nodeOf[change.key]
        guard previous != node else { return }
        if let previous {
            byNode[previous]?.remove(change.key)
            if byNode[previous]?.isEmpty == true { byNode[previous] = nil }
        }
        if node.isEmpty {
            nodeOf[change.key] = nil
        } else {
            nodeOf[change.key] = node
            byNode[node, default: []].insert(change.key)
        }
    }

    /// The pods bound to `node`, sorted.
    func pods(on node: String) -> [ResourceKey] { (byNode[node] ?? []).sorted() }
}
