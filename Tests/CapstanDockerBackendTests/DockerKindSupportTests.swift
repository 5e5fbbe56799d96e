import CapstanCluster
import CapstanDockerBackend
import CapstanModel
import Testing

/// The kinds the Docker backend runs, as docs/docker-backend.md lists them ("Not supported on this backend").
struct DockerKindSupportTests {
    @Test(arguments: [
        ("", "Namespace"), ("", "ConfigMap"), ("", "Secret"), ("", "Service"), ("", "Endpoints"), ("", "Pod"),
        ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("", "PersistentVolumeClaim"),
        ("", "PersistentVolume"), ("storage.k8s.io", "StorageClass"), ("", "ServiceAccount"),
    ])
    func supported(group: String, kind: String) {
        let key = ResourceKey(group: group, kind: kind, namespace: "default", name: "web")
        #expect(DockerCluster.kindSupport.unsupportedReason(key) == nil)
    }

    @Test(arguments: [
        ("autoscaling", "HorizontalPodAutoscaler", "no metrics"),
        ("networking.k8s.io", "Ingress", "no ingress controller"),
        ("networking.k8s.io", "NetworkPolicy", "containers share the host's network"),
        ("apps", "DaemonSet", "no DaemonSet controller"), ("batch", "Job", "no Job controller"),
        ("batch", "CronJob", "no CronJob controller"),
        ("rbac.authorization.k8s.io", "Role", "containers get no Kubernetes API to authorize"),
        ("example.com", "Widget", "no controller runs this kind"),
    ])
    func unsupported(group: String, kind: String, reason: String) {
        let key = ResourceKey(group: group, kind: kind, namespace: "default", name: "web")
        #expect(DockerCluster.kindSupport.unsupportedReason(key) == reason)
    }
}
