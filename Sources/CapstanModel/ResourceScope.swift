/// Whether a kind lives in a namespace or at cluster level.
public enum ResourceScope: Sendable, Hashable {
    case namespaced
    case cluster

    /// The built-in cluster-scoped kinds. Anything else is treated as namespaced unless a
    /// CustomResourceDefinition in the same set declares `spec.scope: Cluster`.
    public static let clusterScopedKinds: Set<GroupKind> = [
        GroupKind(group: "", kind: "Namespace"),
        GroupKind(group: "", kind: "Node"),
        GroupKind(group: "", kind: "PersistentVolume"),
        GroupKind(group: "", kind: "ComponentStatus"),
        GroupKind(group: "storage.k8s.io", kind: "StorageClass"),
        GroupKind(group: "storage.k8s.io", kind: "CSIDriver"),
        GroupKind(group: "storage.k8s.io", kind: "CSINode"),
        GroupKind(group: "storage.k8s.io", kind: "VolumeAttachment"),
        GroupKind(group: "rbac.authorization.k8s.io", kind: "ClusterRole"),
        GroupKind(group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding"),
        GroupKind(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition"),
        GroupKind(group: "scheduling.k8s.io", kind: "PriorityClass"),
        GroupKind(group: "networking.k8s.io", kind: "IngressClass"),
        GroupKind(group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration"),
        GroupKind(group: "admissionregistration.k8s.io", kind: "ValidatingWebhookConfiguration"),
        GroupKind(group: "admissionregistration.k8s.io", kind: "ValidatingAdmissionPolicy"),
        GroupKind(group: "admissionregistration.k8s.io", kind: "ValidatingAdmissionPolicyBinding"),
        GroupKind(group: "apiregistration.k8s.io", kind: "APIService"),
        GroupKind(group: "node.k8s.io", kind: "RuntimeClass"),
        GroupKind(group: "snapshot.storage.k8s.io", kind: "VolumeSnapshotClass"),
        GroupKind(group: "certificates.k8s.io", kind: "CertificateSigningRequest"),
        GroupKind(group: "flowcontrol.apiserver.k8s.io", kind: "FlowSchema"),
        GroupKind(group: "flowcontrol.apiserver.k8s.io", kind: "PriorityLevelConfiguration"),
    ]

    /// True for the built-in cluster-scoped kinds (`group` is empty for the core `v1` group).
    public static func isClusterScoped(group: String, kind: String) -> Bool {
        clusterScopedKinds.contains(GroupKind(group: group, kind: kind))
    }

    /// The scope of a kind, given the kinds that CustomResourceDefinitions declare cluster-scoped.
    public static func of(group: String, kind: String, customClusterScoped: Set<GroupKind> = []) -> ResourceScope {
        let groupKind = GroupKind(group: group, kind: kind)
        if clusterScopedKinds.contains(groupKind) || customClusterScoped.contains(groupKind) { return .cluster }
        return .namespaced
    }
}
