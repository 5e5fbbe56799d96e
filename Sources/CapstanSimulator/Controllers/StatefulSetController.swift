import CapstanModel

/// Creates a StatefulSet's pods in order with stable names and their volume claims.
struct StatefulSetController: Controller {
    let id = ControllerID.statefulSet

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        []
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
    }
}
