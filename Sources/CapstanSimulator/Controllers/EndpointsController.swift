import CapstanCluster
import CapstanModel

/// Keeps each Service's Endpoints equal to the Ready pods its selector matches (Kubernetes' endpoints
/// controller), and gives LoadBalancer Services their simulated ingress address (the cloud's service controller).
///
/// Services without a selector (and ExternalName Services) keep whatever Endpoints users write; a deleted
/// Service's Endpoints are deleted with it.
struct EndpointsController: Controller {
    let id = ControllerID.endpoints
    /// The label Kubernetes puts on the Endpoints of a headless Service.
    static let headlessLabel = "service.kubernetes.io/headless"

    private var index = ServiceSelectorIndex()
    /// Services seen deleted whose Endpoints are still to be deleted.
    private var deletedServices: Set<ResourceKey> = []

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        let key = change.key
        guard key.group.isEmpty else { return [] }
        switch key.kind {
        case "Service":
            if change.kind == .deleted {
                index.removeService(key)
                deletedServices.insert(key)
            } else {
                deletedServices.remove(key)
                let object = change.object
                index.setSelector(
                    object.serviceType == "ExternalName" ? nil : object.serviceSelector, for: key, store: plane.store)
            }
            return [key]
        case "Endpoints":
            return [ResourceKey(group: "", kind: "Service", namespace: key.namespace, name: key.name)]
        case "Pod":
            let old = change.previous?.labels
            let new = change.kind == .deleted ? nil : change.object.labels
            let affected = index.podChanged(key, old: old, new: new)
            guard !affected.isEmpty else { return [] }
            // Status writes that change nothing an address is made of (e.g. an image pull starting) are ignored.
            if change.kind == .modified, let previous = change.previous, old == new,
                PodEndpointState(previous) == PodEndpointState(change.object)
            {
                return []
            }
            return affected.sorted()
        default:
            return []
        }
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        let endpointsKey = ResourceKey(group: "", kind: "Endpoints", namespace: key.namespace, name: key.name)
        guard let service = plane.store[key] else {
            if deletedServices.remove(key) != nil, plane.store[endpointsKey] != nil { plane.store.delete(endpointsKey) }
            return
        }
        LoadBalancerIngress.reconcile(service, in: &plane)
        guard service.serviceType != "ExternalName", let selector = service.serviceSelector else { return }
        let pods = index.pods(selectedBy: key).compactMap { plane.store[$0] }.filter {
            ServiceSelectorIndex.matches(selector, $0.labels)
        }
        var subsets = EndpointSubsets(service: service, pods: pods)
        let truncated = subsets.truncate()

        let existing = plane.store[endpointsKey]
        var endpoints =
            existing ?? Resource(apiVersion: "v1", kind: "Endpoints", namespace: key.namespace, name: key.name)
        var labels = service.labels
        if !ServiceLinkEnvironment.hasClusterIP(service) { labels[Self.headlessLabel] = "" }
        endpoints.labels = labels
        var annotations = endpoints.annotations
        annotations[EndpointSubsets.overCapacityAnnotation] = truncated ? "truncated" : nil
        endpoints.annotations = annotations
        endpoints.value["subsets"] = subsets.value
        if existing == nil {
            plane.createObject(endpoints)
        } else {
            plane.store.update(endpoints)
        }
    }
}

/// The parts of a pod an endpoint address is made of; a change elsewhere does not touch Endpoints.
private struct PodEndpointState: Equatable {
    var ip: String?
    var ready: Bool
    var terminated: Bool
    var terminating: Bool
    var nodeName: String
    var hostname: Value?
    var subdomain: Value?
    var ports: [Value?]

    init(_ pod: Resource) {
        ip = pod.podIP
        ready = pod.isPodReady
        terminated = pod.isPodTerminated
        terminating = pod.isTerminating
        nodeName = pod.nodeName
        hostname = pod.spec?["hostname"]
        subdomain = pod.spec?["subdomain"]
        let sidecars = pod.value[path: ["spec", "initContainers"]]?.arrayValue ?? []
        ports = (pod.containers + sidecars).map { $0["ports"] }
    }
}
