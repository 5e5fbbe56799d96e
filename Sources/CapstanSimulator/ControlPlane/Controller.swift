import CapstanModel

/// A level-based controller of the simulated control plane (controller-runtime's Reconciler).
///
/// `keys(for:)` maps a change of any object to the keys this controller must look at again;
/// `reconcile` reads the current state of one key, makes the world match its spec, and returns.
protocol Controller: Sendable {
    var id: ControllerID { get }
    /// The keys to reconcile because of `change`. May update caches the controller keeps.
    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey]
    /// Brings one key's world in line with its spec.
    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane)
}
