import CapstanModel

/// Deletes objects whose owners are all gone (background cascading deletion through ownerReferences).
struct GarbageCollector: Controller {
    let id = ControllerID.garbageCollector

    func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        switch change.kind {
        case .deleted:
            let uid = change.object.uid
            return uid.isEmpty ? [] : plane.store.dependents(ofUID: uid).map(\.key)
        case .added:
            return change.object.ownerReferences.isEmpty ? [] : [change.key]
        case .modified:
            return []
        }
    }

    func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard let object = plane.store[key] else { return }
        let owners = object.ownerReferences
        guard !owners.isEmpty, owners.allSatisfy({ plane.store.object(uid: $0.uid) == nil }) else { return }
        plane.store.delete(key)
    }
}
