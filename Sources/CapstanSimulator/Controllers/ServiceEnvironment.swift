import CapstanCluster
import CapstanModel
import Foundation

/// The simulated kubelet's side of `ServiceLinkEnvironment`: the Services a pod's containers would see, read
/// from the store. Nothing is recorded on the pod; the variables of a running container are those of the
/// Services that existed when it (last) started.
enum ServiceEnvironment {
    /// The variables a container of `pod` started at `startedAt` (now when nil) gets, from the Services that
    /// exist now and were created by then.
    static func variables(for pod: Resource, in plane: ControlPlane, startedAt: Date? = nil) -> [String: String] {
        let namespace = pod.namespace.isEmpty ? "default" : pod.namespace
        var services = plane.store.list(group: "", kind: "Service", namespace: namespace)
        if namespace != ServiceLinkEnvironment.masterServiceNamespace {
            for name in ServiceLinkEnvironment.masterServices.sorted() {
                let key = ResourceKey(
                    group: "", kind: "Service", namespace: ServiceLinkEnvironment.masterServiceNamespace, name: name)
                if let service = plane.store[key] { services.append(service) }
            }
        }
        return ServiceLinkEnvironment.variables(for: pod, services: services, startedAt: startedAt)
    }
}
