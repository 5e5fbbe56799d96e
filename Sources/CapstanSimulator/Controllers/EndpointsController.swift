import CapstanModel

/// Keeps each Service's Endpoints equal to the Ready pods its selector matches.
struct EndpointsController: Controller {
    let id = ControllerID.endpoints

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        []
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
    }
}
