import CapstanModel

/// The order kinds are applied in (gitops-engine's), so dependencies exist before their users.
///
/// Known kinds come first in `applyOrder`; every other kind follows, alphabetically. Within a
/// kind, resources go by namespace, then name. Deletion runs the kinds in reverse.
public enum KindOrder {
    /// Kinds in apply order, each with the API groups it is known under.
    public static let applyOrder: [(kind: String, groups: Set<String>)] = [
        ("Namespace", [""]),
        ("NetworkPolicy", ["networking.k8s.io", "extensions"]),
        ("ResourceQuota", [""]),
        ("LimitRange", [""]),
        ("PodDisruptionBudget", ["policy"]),
        ("ServiceAccount", [""]),
        ("Secret", [""]),
        ("ConfigMap", [""]),
        ("StorageClass", ["storage.k8s.io"]),
        ("PersistentVolume", [""]),
        ("PersistentVolumeClaim", [""]),
        ("CustomResourceDefinition", ["apiextensions.k8s.io"]),
        ("ClusterRole", ["rbac.authorization.k8s.io"]),
        ("ClusterRoleBinding", ["rbac.authorization.k8s.io"]),
        ("Role", ["rbac.authorization.k8s.io"]),
        ("RoleBinding", ["rbac.authorization.k8s.io"]),
        ("Service", [""]),
        ("DaemonSet", ["apps", "extensions"]),
        ("Pod", [""]),
        ("ReplicaSet", ["apps", "extensions"]),
        ("Deployment", ["apps", "extensions"]),
        ("StatefulSet", ["apps"]),
        ("HorizontalPodAutoscaler", ["autoscaling"]),
        ("Job", ["batch"]),
        ("CronJob", ["batch"]),
        ("Ingress", ["networking.k8s.io", "extensions"]),
        ("APIService", ["apiregistration.k8s.io"]),
    ]

    private static let ranks: [String: (rank: Int, groups: Set<String>)] = Dictionary(
        uniqueKeysWithValues: applyOrder.enumerated().map { ($1.kind, ($0, $1.groups)) }
    )

    /// The rank of a kind: its place in `applyOrder`, or `applyOrder.count` for any other kind
    /// (including a known kind name under a foreign group, such as Knative's `Service`).
    public static func rank(group: String, kind: String) -> Int {
        guard let known = ranks[kind], known.groups.contains(group) else { return applyOrder.count }
        return known.rank
    }

    /// Keys in apply order.
    public static func sortForApply(_ keys: [ResourceKey]) -> [ResourceKey] {
        sortForApply(keys, by: { $0 })
    }

    /// Keys in delete order: kinds reversed, ties still by namespace then name.
    public static func sortForDelete(_ keys: [ResourceKey]) -> [ResourceKey] {
        sortForDelete(keys, by: { $0 })
    }

    /// Items in apply order of their keys.
    public static func sortForApply<Item>(_ items: [Item], by key: (Item) -> ResourceKey) -> [Item] {
        sorted(items, key: key, kindsReversed: false)
    }

    /// Items in delete order of their keys.
    public static func sortForDelete<Item>(_ items: [Item], by key: (Item) -> ResourceKey) -> [Item] {
        sorted(items, key: key, kindsReversed: true)
    }

    private static func sorted<Item>(_ items: [Item], key: (Item) -> ResourceKey, kindsReversed: Bool) -> [Item] {
        // Sort positions rather than items: items (plan steps) are large and costly to move.
        let keys = items.map { SortKey(key($0)) }
        let order = keys.indices.sorted { i, j in
            let (a, b) = (keys[i], keys[j])
            if a.kindPosition != b.kindPosition {
                return kindsReversed ? b.kindPosition < a.kindPosition : a.kindPosition < b.kindPosition
            }
            if (a.key.namespace, a.key.name) != (b.key.namespace, b.key.name) {
                return (a.key.namespace, a.key.name) < (b.key.namespace, b.key.name)
            }
            return i < j  // equal keys keep their input order
        }
        return order.map { items[$0] }
    }

    /// A key with its rank looked up once, rather than on every comparison.
    private struct SortKey {
        let key: ResourceKey
        /// Rank, then (for kinds outside `applyOrder`) kind name, then group.
        let kindPosition: KindPosition

        init(_ key: ResourceKey) {
            self.key = key
            let rank = KindOrder.rank(group: key.group, kind: key.kind)
            kindPosition = KindPosition(rank: rank, kind: key.kind, group: key.group)
        }
    }

    private struct KindPosition: Comparable {
        let rank: Int
        let kind: String
        let group: String

        static func < (a: KindPosition, b: KindPosition) -> Bool {
            (a.rank, a.kind, a.group) < (b.rank, b.kind, b.group)
        }
    }
}
