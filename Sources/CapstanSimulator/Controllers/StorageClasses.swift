import CapstanModel

/// StorageClasses as the PersistentVolume controller reads them: lookup by name, the default class, and the
/// `standard` class every simulated cluster starts with.
enum StorageClasses {
    static let defaultAnnotation = "storageclass.kubernetes.io/is-default-class"
    static let betaDefaultAnnotation = "storageclass.beta.kubernetes.io/is-default-class"
    /// The provisioner of the bootstrap class. Any other provisioner name is simulated the same way, so
    /// production manifests (`ebs.csi.aws.com`, …) work unchanged.
    static let simulatedProvisioner = "capstan.io/simulated"
    /// Local volumes: no dynamic provisioning, only PersistentVolumes created by hand bind.
    static let noProvisioner = "kubernetes.io/no-provisioner"

    /// The class a simulated cluster starts with (like kind's and minikube's `standard`).
    static var standard: Resource {
        var object = Resource(apiVersion: "storage.k8s.io/v1", kind: "StorageClass", name: "standard")
        object.annotations = [defaultAnnotation: "true"]
        object.value["provisioner"] = .string(simulatedProvisioner)
        object.value["reclaimPolicy"] = "Delete"
        object.value["volumeBindingMode"] = "Immediate"
        object.value["allowVolumeExpansion"] = true
        return object
    }

    static func key(_ name: String) -> ResourceKey {
        ResourceKey(group: "storage.k8s.io", kind: "StorageClass", namespace: "", name: name)
    }

    static func named(_ name: String, in store: ObjectStore) -> Resource? { store[key(name)] }

    /// The default class: among those annotated default, the newest (Kubernetes 1.26+), then by name.
    static func defaultClass(in store: ObjectStore) -> Resource? {
        store.list(group: "storage.k8s.io", kind: "StorageClass").filter(isDefault).max { a, b in
            let ca = a.creationTimestamp ?? .distantPast
            let cb = b.creationTimestamp ?? .distantPast
            if ca != cb { return ca < cb }
            return a.name > b.name
        }
    }

    static func isDefault(_ storageClass: Resource) -> Bool {
        let annotations = storageClass.annotations
        return annotations[defaultAnnotation] == "true" || annotations[betaDefaultAnnotation] == "true"
    }
}

extension Resource {
    /// A StorageClass's `reclaimPolicy`, `Delete` when unset.
    var classReclaimPolicy: String { value["reclaimPolicy"]?.stringValue ?? "Delete" }

    /// A StorageClass's `volumeBindingMode`, `Immediate` when unset.
    var classBindingMode: String { value["volumeBindingMode"]?.stringValue ?? "Immediate" }

    var classProvisioner: String { value["provisioner"]?.stringValue ?? "" }
}
