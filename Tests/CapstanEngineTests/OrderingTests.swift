import CapstanEngine
import CapstanModel
import Testing

/// `KindOrder`: dependencies are applied first and deleted last.
struct OrderingTests {
    static func key(_ group: String, _ kind: String, _ namespace: String = "", _ name: String = "x") -> ResourceKey {
        ResourceKey(group: group, kind: kind, namespace: namespace, name: name)
    }

    /// Every known kind, in the order they must be applied.
    static let knownKinds: [ResourceKey] = [
        key("", "Namespace"), key("networking.k8s.io", "NetworkPolicy"), key("", "ResourceQuota"),
        key("", "LimitRange"),
        key("policy", "PodDisruptionBudget"), key("", "ServiceAccount"), key("", "Secret"), key("", "ConfigMap"),
        key("storage.k8s.io", "StorageClass"), key("", "PersistentVolume"), key("", "PersistentVolumeClaim"),
        key("apiextensions.k8s.io", "CustomResourceDefinition"), key("rbac.authorization.k8s.io", "ClusterRole"),
        key("rbac.authorization.k8s.io", "ClusterRoleBinding"), key("rbac.authorization.k8s.io", "Role"),
        key("rbac.authorization.k8s.io", "RoleBinding"), key("", "Service"), key("apps", "DaemonSet"), key("", "Pod"),
        key("apps", "ReplicaSet"), key("apps", "Deployment"), key("apps", "StatefulSet"),
        key("autoscaling", "HorizontalPodAutoscaler"), key("batch", "Job"), key("batch", "CronJob"),
        key("networking.k8s.io", "Ingress"), key("apiregistration.k8s.io", "APIService"),
    ]

    /// Kinds outside the list, alphabetically by kind (then group).
    static let otherKinds: [ResourceKey] = [
        key("cert-manager.io", "Certificate"), key("monitoring.coreos.com", "PrometheusRule"),
        key("serving.knative.dev", "Service"), key("monitoring.coreos.com", "ServiceMonitor"),
    ]

    @Test(arguments: [0, 1, 2, 3])
    func applyOrderFollowsTheKindList(seed: Int) {
        let expected = Self.knownKinds + Self.otherKinds
        var shuffled = expected
        var generator = SeededGenerator(seed: UInt64(seed))
        shuffled.shuffle(using: &generator)
        #expect(KindOrder.sortForApply(shuffled) == expected)
    }

    @Test func deleteOrderIsTheReverseOfApplyOrder() {
        let expected = Array((Self.knownKinds + Self.otherKinds).reversed())
        #expect(KindOrder.sortForDelete(Self.knownKinds + Self.otherKinds) == expected)
    }

    @Test func workloadsAreDeletedBeforeTheirConfigAndNamespacesLast() {
        let keys = [
            Self.key("", "Namespace", "", "shop"), Self.key("", "ConfigMap", "shop", "settings"),
            Self.key("apps", "Deployment", "shop", "web"),
        ]
        #expect(KindOrder.sortForDelete(keys).map(\.kind) == ["Deployment", "ConfigMap", "Namespace"])
    }

    /// Within a kind: namespace, then name, in both directions.
    @Test(arguments: [false, true])
    func tiesGoByNamespaceThenName(deleting: Bool) {
        let keys = [
            Self.key("", "ConfigMap", "b", "a"), Self.key("", "ConfigMap", "a", "z"),
            Self.key("", "ConfigMap", "a", "b"),
        ]
        let sorted = deleting ? KindOrder.sortForDelete(keys) : KindOrder.sortForApply(keys)
        #expect(sorted.map { "\($0.namespace)/\($0.name)" } == ["a/b", "a/z", "b/a"])
    }

    @Test(arguments: [
        ("", "Namespace", 0), ("networking.k8s.io", "NetworkPolicy", 1), ("extensions", "Ingress", 25),
        ("apiregistration.k8s.io", "APIService", 26), ("example.com", "Widget", 27),
        ("serving.knative.dev", "Service", 27), ("", "Deployment", 27),
    ])
    func ranks(group: String, kind: String, rank: Int) {
        #expect(KindOrder.rank(group: group, kind: kind) == rank)
    }

    @Test func sortingIsDeterministicForAnyItemType() {
        let items = Self.knownKinds.reversed().map { (key: $0, payload: $0.kind.count) }
        let sorted = KindOrder.sortForApply(items, by: \.key)
        #expect(sorted.map(\.key) == Self.knownKinds)
    }
}

/// A small deterministic generator (SplitMix64), so shuffles are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
