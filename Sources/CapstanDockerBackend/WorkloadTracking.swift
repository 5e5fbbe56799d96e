import CapstanModel

/// The app and git revision a pod's containers are labelled with (`capstan.app`, `capstan.revision`), from the
/// workload that owns the pod rather than the pod's own metadata: the reconciler stamps `capstan.io/app` on the
/// objects it applies and `capstan.io/revision` on workloads, and the Deployment controller copies a
/// Deployment's annotations to its new ReplicaSet (docs/docker-backend.md, "Tracking").
enum WorkloadTracking {
    static let appAnnotation = "capstan.io/app"
    static let revisionAnnotation = "capstan.io/revision"

    /// `owners` is the pod's chain of controllers, nearest first (ReplicaSet, Deployment; or StatefulSet). The
    /// app is the top owner's (the nearest below it that has one otherwise; an annotation, or a label of the same
    /// name); the revision is the pod's own controller's (the ReplicaSet of a Deployment's pod, the StatefulSet),
    /// or the pod's for a pod without one.
    static func stamps(pod: Resource, owners: [Resource]) -> (app: String?, revision: String?) {
        let chain = [pod] + owners
        let app = chain.reversed().lazy.compactMap { $0.annotations[appAnnotation] ?? $0.labels[appAnnotation] }.first
        let revision = (owners.first ?? pod).annotations[revisionAnnotation]
        return (app, revision)
    }

    /// The key of `object`'s controller (its `ownerReferences` entry with `controller: true`), in its namespace.
    static func controllerKey(of object: Resource) -> ResourceKey? {
        let references = object.value[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
        guard let reference = references.first(where: { $0["controller"]?.boolValue == true }),
            let kind = reference["kind"]?.stringValue, let name = reference["name"]?.stringValue
        else { return nil }
        let apiVersion = reference["apiVersion"]?.stringValue ?? ""
        let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
        return ResourceKey(group: group, kind: kind, namespace: object.namespace, name: name)
    }
}
