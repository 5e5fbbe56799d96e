import CapstanModel

/// Marks nodes NotReady when they fail, taints them, and evicts their pods after the toleration timeout.
struct NodeLifecycleController: Controller {
    let id = ControllerID.nodeLifecycle

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        []
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
    }
}
