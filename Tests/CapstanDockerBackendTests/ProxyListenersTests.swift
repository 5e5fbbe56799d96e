import CapstanModel
import CapstanProxy
import Testing

@testable import CapstanDockerBackend

/// The listeners the service proxy gets from Services and Endpoints, with the host-network port convention.
@Suite struct ProxyListenersTests {
    static func pod(_ name: String, uid: String, containerPort: Int) -> Resource {
        var pod = Resource(apiVersion: "v1", kind: "Pod", namespace: "shop", name: name)
        pod.value[path: ["metadata", "uid"]] = .string(uid)
        pod.value["spec"] = ["containers": [["name": "web", "ports": [["containerPort": .int(containerPort)]]]]]
        return pod
    }

    @Test func eachTCPServicePortForwardsToTheReadyPodsPorts() {
        let service = Resource(
            apiVersion: "v1", kind: "Service", namespace: "shop", name: "web",
            spec: [
                "selector": ["app": "web"],
                "ports": [
                    ["name": "http", "port": 80, "targetPort": 8080], ["name": "admin", "port": 9000],
                    ["name": "dns", "port": 53, "protocol": "UDP"],
                ],
            ])
        let headless = Resource(
            apiVersion: "v1", kind: "Service", namespace: "shop", name: "external", spec: ["ports": [["port": 1]]])
        var endpoints = Resource(apiVersion: "v1", kind: "Endpoints", namespace: "shop", name: "web")
        endpoints.value["subsets"] = [
            [
                "addresses": [
                    ["ip": "127.0.0.1", "targetRef": ["uid": "a"]], ["ip": "127.0.0.1", "targetRef": ["uid": "b"]],
                ],
                "notReadyAddresses": [["ip": "127.0.0.1", "targetRef": ["uid": "c"]]],
                "ports": [["name": "http", "port": 8080], ["name": "admin", "port": 9000]],
            ]
        ]
        let pods = [
            Self.pod("web-a", uid: "a", containerPort: 8080), Self.pod("web-b", uid: "b", containerPort: 8080),
        ]
        let ports = ["a": 30_001, "b": 30_002]
        let listeners = ProxyListeners.build(
            services: [service, headless], endpoints: [endpoints], pods: pods, podPort: { ports[$0] },
            address: "127.0.0.1")
        #expect(
            listeners == [
                ProxyListener(
                    name: "shop/web:80", port: 80,
                    backends: [ProxyBackend(port: 30_001), ProxyBackend(port: 30_002)]),
                ProxyListener(
                    name: "shop/web:9000", port: 9000, backends: [ProxyBackend(port: 9000), ProxyBackend(port: 9000)]),
            ])
    }

    @Test func aServiceWithoutEndpointsStillGetsItsListener() {
        let service = Resource(
            apiVersion: "v1", kind: "Service", namespace: "shop", name: "web",
            spec: ["selector": ["app": "web"], "ports": [["port": 80]]])
        let listeners = ProxyListeners.build(
            services: [service], endpoints: [], pods: [], podPort: { _ in nil }, address: "127.0.0.2")
        #expect(listeners == [ProxyListener(name: "shop/web:80", host: "127.0.0.2", port: 80, backends: [])])
    }
}
