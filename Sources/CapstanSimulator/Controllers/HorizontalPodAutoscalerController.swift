import CapstanModel

/// Scales workloads on CPU utilization (autoscaling/v2).
struct HorizontalPodAutoscalerController: Controller {
    let id = ControllerID.horizontalPodAutoscaler

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        []
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
    }
}
