import CapstanCluster
import CapstanModel

/// What the Docker backend runs (docs/docker-backend.md, "Not supported on this backend"): a sync applies the
/// kinds that have a meaning on Docker or are harmless metadata, and reports the others as `Unsupported`.
extension DockerCluster {
    /// The kinds with a meaning on Docker (workloads become containers, Services proxy listeners, claims named
    /// volumes, ConfigMaps and Secrets their env and files) and the metadata the control plane keeps for them.
    public static let kindSupport = KindSupport(
        supported: [
            // Containers: pods, and the controllers that make them.
            kind("Pod"), kind("Deployment", "apps"), kind("ReplicaSet", "apps"), kind("StatefulSet", "apps"),
            // Their configuration, their addresses and their storage.
            kind("ConfigMap"), kind("Secret"), kind("Service"), kind("Endpoints"), kind("PersistentVolumeClaim"),
            // Metadata: namespaces name containers; volumes and classes bind claims; no token is mounted.
            kind("Namespace"), kind("PersistentVolume"), kind("StorageClass", "storage.k8s.io"),
            kind("ServiceAccount"),
        ],
        reasons: [
            kind("HorizontalPodAutoscaler", "autoscaling"): "no metrics",
            kind("Ingress", "networking.k8s.io"): "no ingress controller",
            kind("IngressClass", "networking.k8s.io"): "no ingress controller",
            kind("NetworkPolicy", "networking.k8s.io"): "containers share the host's network",
            kind("DaemonSet", "apps"): "no DaemonSet controller",
            kind("Job", "batch"): "no Job controller",
            kind("CronJob", "batch"): "no CronJob controller",
            kind("PodDisruptionBudget", "policy"): "no voluntary evictions to limit",
            kind("ResourceQuota"): "quotas are not enforced",
            kind("LimitRange"): "limit ranges are not enforced",
            kind("Role", rbac): "containers get no Kubernetes API to authorize",
            kind("RoleBinding", rbac): "containers get no Kubernetes API to authorize",
            kind("ClusterRole", rbac): "containers get no Kubernetes API to authorize",
            kind("ClusterRoleBinding", rbac): "containers get no Kubernetes API to authorize",
            kind("CustomResourceDefinition", "apiextensions.k8s.io"): "no custom resources",
        ],
        otherwise: "no controller runs this kind")

    private static let rbac = "rbac.authorization.k8s.io"

    private static func kind(_ kind: String, _ group: String = "") -> GroupKind {
        GroupKind(group: group, kind: kind)
    }
}
