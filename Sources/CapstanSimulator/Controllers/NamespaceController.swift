import CapstanModel

/// Deletes everything in a namespace once the namespace is deleted.
struct NamespaceController: Controller {
    let id = ControllerID.namespace

    func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        guard change.kind == .deleted, change.key.kind == "Namespace", change.key.group.isEmpty else { return [] }
        return [change.key]
    }

    func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard plane.store[key] == nil else { return }
        let doomed = plane.store.objects.keys.filter { $0.namespace == key.name }.sorted()
        for member in doomed { plane.store.delete(member) }
    }
}
