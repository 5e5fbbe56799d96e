import CapstanCluster
import CapstanModel
import Foundation

/// The simulated API server's write path: scope and namespace checks, defaulting, validation, and the
/// merge of an applied manifest onto the stored object (server-managed fields are kept).
enum APIServer {
    /// Fields of metadata only the server sets; a manifest's values for them are ignored.
    static let serverMetadata = [
        "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields",
        "deletionTimestamp", "selfLink",
    ]

    /// Spec fields the cluster fills in (addresses, bindings) that an apply leaving them out keeps, as
    /// Kubernetes' apply does: only fields the manifest sets are its to change.
    static let serverAssignedSpecFields: [String: [String]] = [
        "Service": ["clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"],
        "PersistentVolumeClaim": ["volumeName", "storageClassName"],
        "PersistentVolume": ["claimRef"],
        "Pod": ["nodeName"],
    ]

    /// Creates or updates one object and returns it as stored.
    static func apply(_ incoming: Resource, in plane: inout ControlPlane) throws(ClusterError) -> Resource {
        var (object, existing) = try admit(incoming, in: plane)
        try NodePortAllocator.assign(&object, in: &plane)
        if existing != nil {
            plane.store.update(object)
        } else {
            prepareNew(&object, plane: &plane)
            plane.createObject(object)
        }
        return plane.store[object.key] ?? object
    }

    /// The object as the server would store it, after every check, without storing anything (a dry run).
    /// `namespaces` are namespaces the same batch creates before this object.
    static func admit(_ incoming: Resource, in plane: ControlPlane, namespaces: Set<String> = [])
        throws(ClusterError) -> (object: Resource, existing: Resource?)
    {
        var object = incoming
        object.status = nil
        for field in serverMetadata { object.value[path: ["metadata", field]] = nil }
        try resolveScope(&object, plane, namespaces: namespaces)
        if object.kind == "Secret" && object.group.isEmpty { try SecretData.mergeStringData(&object) }
        Defaulting.apply(to: &object, tolerationSeconds: plane.options.defaultTolerationSeconds)
        let existing = plane.store[object.key]
        try Validation.validate(object, existing: existing)
        if let existing {
            NodePortAllocator.keepAllocated(&object, from: existing)
            try merge(&object, onto: existing)
        }
        return (object, existing)
    }

    /// Deletes one object; dependents go through garbage collection.
    static func delete(_ key: ResourceKey, in plane: inout ControlPlane) throws(ClusterError) {
        if key.kind == "Namespace", key.group.isEmpty, ["default", "kube-system"].contains(key.name) {
            throw ClusterError(.invalid, key: key, "namespace \(key.name) is a system namespace and cannot be deleted")
        }
        plane.store.delete(key)
    }

    private static func resolveScope(_ object: inout Resource, _ plane: ControlPlane, namespaces: Set<String>)
        throws(ClusterError)
    {
        if ResourceScope.isClusterScoped(group: object.group, kind: object.kind) {
            guard object.namespace.isEmpty else {
                throw ClusterError(
                    .invalid, key: object.key, "\(object.kind) is cluster-scoped: metadata.namespace must not be set")
            }
            return
        }
        if object.namespace.isEmpty { object.namespace = "default" }
        let namespaceKey = ResourceKey(group: "", kind: "Namespace", namespace: "", name: object.namespace)
        guard plane.store[namespaceKey] != nil || namespaces.contains(object.namespace) else {
            throw ClusterError(.notFound, key: object.key, "namespaces \"\(object.namespace)\" not found")
        }
    }

    /// Keeps what the server owns (identity, status, controller annotations, allocated addresses) and bumps
    /// the generation when anything but metadata changed.
    private static func merge(_ object: inout Resource, onto existing: Resource) throws(ClusterError) {
        object.uid = existing.uid
        object.creationTimestamp = existing.creationTimestamp
        object.status = existing.status
        if object.ownerReferences.isEmpty, !existing.ownerReferences.isEmpty {
            object.ownerReferences = existing.ownerReferences
        }
        for field in ["annotations", "labels"] {
            let kept = (existing.value[path: ["metadata", field]]?.objectValue ?? [:]).filter {
                $0.key.contains("kubernetes.io/")
            }
            guard !kept.isEmpty else { continue }
            var members = object.value[path: ["metadata", field]]?.objectValue ?? [:]
            for (key, value) in kept where members[key] == nil { members[key] = value }
            object.value[path: ["metadata", field]] = .object(members)
        }
        if object.kind == "Service", object.group.isEmpty {
            let existingIP = existing.value[path: ["spec", "clusterIP"]]
            if let wanted = object.value[path: ["spec", "clusterIP"]], wanted != existingIP, existingIP != nil {
                throw ClusterError(.invalid, key: object.key, "spec.clusterIP: Invalid value: field is immutable")
            }
        }
        if object.group.isEmpty, let fields = serverAssignedSpecFields[object.kind] {
            for field in fields where object.value[path: ["spec", field]] == nil {
                object.value[path: ["spec", field]] = existing.value[path: ["spec", field]]
            }
        }
        var generation = existing.generation
        if contentChanged(object, existing) { generation += 1 }
        if generation > 0 { object.generation = generation }
    }

    private static func contentChanged(_ a: Resource, _ b: Resource) -> Bool {
        var left = a.value
        var right = b.value
        for field in ["metadata", "status"] {
            left[field] = nil
            right[field] = nil
        }
        return left != right
    }

    private static func prepareNew(_ object: inout Resource, plane: inout ControlPlane) {
        switch (object.group, object.kind) {
        case ("", "Namespace"):
            object.status = ["phase": "Active"]
        case ("", "Service"):
            guard object.value[path: ["spec", "type"]]?.stringValue != "ExternalName" else { break }
            if object.value[path: ["spec", "clusterIP"]] == nil {
                let ip = plane.allocateClusterIP()
                object.value[path: ["spec", "clusterIP"]] = .string(ip)
                object.value[path: ["spec", "clusterIPs"]] = [.string(ip)]
            }
            // A chosen address, or `None` for a headless Service, is listed in clusterIPs too.
            if object.value[path: ["spec", "clusterIPs"]] == nil, let ip = object.value[path: ["spec", "clusterIP"]] {
                object.value[path: ["spec", "clusterIPs"]] = [ip]
            }
            object.value[path: ["spec", "ipFamilies"]] = ["IPv4"]
            object.value[path: ["spec", "ipFamilyPolicy"]] = "SingleStack"
            object.status = ["loadBalancer": [:]]
        default:
            break
        }
    }
}
