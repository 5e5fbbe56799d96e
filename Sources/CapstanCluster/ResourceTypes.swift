/// The built-in types every backend knows by name; other kinds are served as stored objects.
public enum ResourceTypes {
    public static let namespace = ResourceType(
        group: "", version: "v1", kind: "Namespace", plural: "namespaces", shortNames: ["ns"])
    public static let node = ResourceType(group: "", version: "v1", kind: "Node", plural: "nodes", shortNames: ["no"])
    public static let pod = ResourceType(group: "", version: "v1", kind: "Pod", plural: "pods", shortNames: ["po"])
    public static let service = ResourceType(
        group: "", version: "v1", kind: "Service", plural: "services", shortNames: ["svc"])
    public static let endpoints = ResourceType(
        group: "", version: "v1", kind: "Endpoints", plural: "endpoints", shortNames: ["ep"])
    public static let configMap = ResourceType(
        group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"])
    public static let secret = ResourceType(group: "", version: "v1", kind: "Secret", plural: "secrets")
    public static let serviceAccount = ResourceType(
        group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"])
    public static let event = ResourceType(
        group: "", version: "v1", kind: "Event", plural: "events", shortNames: ["ev"])
    public static let persistentVolumeClaim = ResourceType(
        group: "", version: "v1", kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims", shortNames: ["pvc"])
    public static let persistentVolume = ResourceType(
        group: "", version: "v1", kind: "PersistentVolume", plural: "persistentvolumes", shortNames: ["pv"])
    public static let deployment = ResourceType(
        group: "apps", version: "v1", kind: "Deployment", plural: "deployments", shortNames: ["deploy"])
    public static let replicaSet = ResourceType(
        group: "apps", version: "v1", kind: "ReplicaSet", plural: "replicasets", shortNames: ["rs"])
    public static let statefulSet = ResourceType(
        group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", shortNames: ["sts"])
    public static let daemonSet = ResourceType(
        group: "apps", version: "v1", kind: "DaemonSet", plural: "daemonsets", shortNames: ["ds"])
    public static let horizontalPodAutoscaler = ResourceType(
        group: "autoscaling", version: "v2", kind: "HorizontalPodAutoscaler", plural: "horizontalpodautoscalers",
        shortNames: ["hpa"])
    public static let job = ResourceType(group: "batch", version: "v1", kind: "Job", plural: "jobs")
    public static let cronJob = ResourceType(
        group: "batch", version: "v1", kind: "CronJob", plural: "cronjobs", shortNames: ["cj"])
    public static let ingress = ResourceType(
        group: "networking.k8s.io", version: "v1", kind: "Ingress", plural: "ingresses", shortNames: ["ing"])
    public static let storageClass = ResourceType(
        group: "storage.k8s.io", version: "v1", kind: "StorageClass", plural: "storageclasses", shortNames: ["sc"])

    public static let all: [ResourceType] = [
        namespace, node, pod, service, endpoints, configMap, secret, serviceAccount, event,
        persistentVolumeClaim, persistentVolume, deployment, replicaSet, statefulSet, daemonSet,
        horizontalPodAutoscaler, job, cronJob, ingress, storageClass,
    ]

    /// The type a user means by `name`: plural, singular, short name or kind, case-insensitive.
    public static func named(_ name: String) -> ResourceType? {
        let lowered = name.lowercased()
        return all.first { type in
            type.plural == lowered || type.kind.lowercased() == lowered || type.shortNames.contains(lowered)
        }
    }

    /// The built-in type of `kind` in `group`, if it is one.
    public static func of(group: String, kind: String) -> ResourceType? {
        all.first { $0.group == group && $0.kind == kind }
    }
}
