import CapstanModel

/// Which pods each Service selects, kept up to date from object changes (the endpoints controller's informer
/// indexes): a pod change is matched only against the Services of its namespace that select one of its labels,
/// and a Service's reconcile reads only the pods it selects, never the whole cluster.
struct ServiceSelectorIndex: Sendable {
    private struct LabelPair: Hashable, Sendable {
        var namespace: String
        var key: String
        var value: String
    }

    /// Each selecting Service's selector (never empty: an empty selector selects nothing, as stored by Kubernetes).
    private var selectors: [ResourceKey: [String: String]] = [:]
    /// Services by one pair of their selector (the smallest key), to find candidates for a pod's labels.
    private var byPair: [LabelPair: Set<ResourceKey>] = [:]
    /// The pods each Service's selector matches now.
    private var members: [ResourceKey: Set<ResourceKey>] = [:]

    /// The pods `service` selects, sorted by key.
    func pods(selectedBy service: ResourceKey) -> [ResourceKey] {
        (members[service] ?? []).sorted()
    }

    /// Records a Service's selector (nil: no selector) and, when it changed, recomputes the pods it selects
    /// from `store`. Returns true when the selector changed.
    @discardableResult
    mutating func setSelector(_ selector: [String: String]?, for service: ResourceKey, store: ObjectStore) -> Bool {
        let selector = selector?.isEmpty == false ? selector : nil
        guard selectors[service] != selector else { return false }
        removeService(service)
        guard let selector else { return true }
        selectors[service] = selector
        byPair[Self.indexPair(selector, service.namespace), default: []].insert(service)
        var selected: Set<ResourceKey> = []
        for key in store.keys(group: "", kind: "Pod") where key.namespace == service.namespace {
            if let pod = store[key], Self.matches(selector, pod.labels) { selected.insert(key) }
        }
        members[service] = selected
        return true
    }

    mutating func removeService(_ service: ResourceKey) {
        guard let selector = selectors.removeValue(forKey: service) else { return }
        let pair = Self.indexPair(selector, service.namespace)
        byPair[pair]?.remove(service)
        if byPair[pair]?.isEmpty == true { byPair[pair] = nil }
        members[service] = nil
    }

    /// Updates memberships for a pod whose labels were `old` and are `new` (nil: absent) and returns the
    /// Services that selected it before or select it now.
    mutating func podChanged(_ pod: ResourceKey, old: [String: String]?, new: [String: String]?) -> Set<ResourceKey> {
        var affected = old.map { services(matching: $0, namespace: pod.namespace) } ?? []
        let selecting = new.map { services(matching: $0, namespace: pod.namespace) } ?? []
        affected.formUnion(selecting)
        for service in affected {
            if selecting.contains(service) {
                members[service, default: []].insert(pod)
            } else {
                members[service]?.remove(pod)
            }
        }
        return affected
    }

    /// The Services of `namespace` whose selector matches `labels`.
    func services(matching labels: [String: String], namespace: String) -> Set<ResourceKey> {
        var found: Set<ResourceKey> = []
        for (key, value) in labels {
            guard let candidates = byPair[LabelPair(namespace: namespace, key: key, value: value)] else { continue }
            for service in candidates where Self.matches(selectors[service] ?? [:], labels) {
                found.insert(service)
            }
        }
        return found
    }

    /// Equality-based selection: every pair of a non-empty selector is among the labels.
    static func matches(_ selector: [String: String], _ labels: [String: String]) -> Bool {
        !selector.isEmpty && selector.allSatisfy { labels[$0.key] == $0.value }
    }

    private static func indexPair(_ selector: [String: String], _ namespace: String) -> LabelPair {
        let key = selector.keys.min()!
        return LabelPair(namespace: namespace, key: key, value: selector[key]!)
    }
}
