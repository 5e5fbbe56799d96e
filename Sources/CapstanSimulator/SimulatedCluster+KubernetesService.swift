import CapstanModel

/// The `default/kubernetes` Service every Kubernetes cluster has: the API server at the first address of the
/// Service range (10.96.0.1:443), with hand-managed Endpoints pointing at the simulated control plane. Pods see
/// it through DNS and the `KUBERNETES_SERVICE_*` variables, as in a real cluster (nothing answers there).
extension SimulatedCluster {
    static let kubernetesServiceIP = "10.96.0.1"
    /// The simulated API server's address behind the `kubernetes` Service.
    static let apiServerAddress = "10.10.0.2"
    static let apiServerPort = 6443

    /// Creates the `kubernetes` Service and its Endpoints when missing (a deleted one comes back at the next start,
    /// where Kubernetes' API server recreates it within seconds).
    static func bootstrapKubernetesService(_ plane: inout ControlPlane) {
        let serviceKey = ResourceKey(group: "", kind: "Service", namespace: "default", name: "kubernetes")
        if plane.store[serviceKey] == nil {
            var service = Resource(
                apiVersion: "v1", kind: "Service", namespace: "default", name: "kubernetes",
                spec: [
                    "clusterIP": .string(kubernetesServiceIP), "clusterIPs": [.string(kubernetesServiceIP)],
                    "internalTrafficPolicy": "Cluster", "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack",
                    "ports": [["name": "https", "port": 443, "protocol": "TCP", "targetPort": .int(apiServerPort)]],
                    "sessionAffinity": "None", "type": "ClusterIP",
                ])
            service.labels = ["component": "apiserver", "provider": "kubernetes"]
            service.status = ["loadBalancer": [:]]
            service.generation = 1
            create(service, uid: "5c3c0a3e-0000-4000-8000-6b7562657201", &plane)
        }
        let endpointsKey = ResourceKey(group: "", kind: "Endpoints", namespace: "default", name: "kubernetes")
        if plane.store[endpointsKey] == nil {
            var endpoints = Resource(apiVersion: "v1", kind: "Endpoints", namespace: "default", name: "kubernetes")
            endpoints.labels = ["endpointslice.kubernetes.io/skip-mirror": "true"]
            endpoints.value["subsets"] = [
                [
                    "addresses": [["ip": .string(apiServerAddress)]],
                    "ports": [["name": "https", "port": .int(apiServerPort), "protocol": "TCP"]],
                ]
            ]
            create(endpoints, uid: "5c3c0a3e-0000-4000-8000-6b7562657202", &plane)
        }
    }

    /// Stores a bootstrap object with a fixed uid, leaving the seeded generator (names, uids) untouched.
    private static func create(_ object: Resource, uid: String, _ plane: inout ControlPlane) {
        var object = object
        object.uid = uid
        object.creationTimestamp = plane.now
        plane.store.create(object)
    }
}
