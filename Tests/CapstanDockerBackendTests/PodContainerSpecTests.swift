import CapstanDocker
import CapstanModel
import Testing

@testable import CapstanDockerBackend

/// A pod of a Deployment becomes the Docker container the design names and labels.
@Suite struct PodContainerSpecTests {
    static func pod(containers: [Value], volumes: [Value] = []) -> Resource {
        var pod = Resource(apiVersion: "v1", kind: "Pod", namespace: "shop", name: "web-5d8f7c-x2k4p")
        pod.value["metadata"] = [
            "name": "web-5d8f7c-x2k4p", "namespace": "shop", "uid": "uid-1",
            "labels": ["app": "web", "pod-template-hash": "5d8f7c"],
            "ownerReferences": [["kind": "ReplicaSet", "name": "web-5d8f7c", "controller": true]],
        ]
        pod.value["spec"] = ["containers": .array(containers), "volumes": .array(volumes)]
        return pod
    }

    static let placement = PodContainerSpec.Placement(node: "docker-1", port: 30_001, app: "shop", revision: "abc123")

    @Test func aDeploymentPodBecomesANamedLabelledContainer() throws {
        let container: Value = [
            "name": "web", "image": "capstan-test/busybox:1", "command": ["httpd", "-f", "-p", "$(PORT)"],
            "args": ["-h", "$(ROOT)", "$$(KEPT)"], "workingDir": "/www",
            "resources": ["limits": ["memory": "64Mi", "cpu": "500m"]],
            "volumeMounts": [["name": "cache", "mountPath": "/cache"], ["name": "data", "mountPath": "/data"]],
        ]
        let pod = Self.pod(
            containers: [container],
            volumes: [
                ["name": "cache", "emptyDir": [:]], ["name": "data", "persistentVolumeClaim": ["claimName": "db"]],
            ])
        let spec = try PodContainerSpec.make(
            pod: pod, container: container, placement: Self.placement, environment: [("ROOT", "/www")])
        #expect(PodContainerSpec.containerName(pod: pod, container: "web") == "shop-web-5d8f7c-x2k4p")
        #expect(spec.image == "capstan-test/busybox:1")
        #expect(spec.entrypoint == ["httpd", "-f", "-p", "30001"])
        #expect(spec.cmd == ["-h", "/www", "$(KEPT)"])
        #expect(spec.env == ["ROOT": "/www", "PORT": "30001"])
        #expect(spec.memoryBytes == 64 * 1024 * 1024)
        #expect(spec.nanoCPUs == 500_000_000)
        #expect(spec.workingDir == "/www")
        #expect(spec.networkMode == "host" && spec.runsInit)
        #expect(spec.mounts == [.tmpfs(at: "/cache"), .volume("capstan-shop-db", at: "/data")])
        #expect(spec.stopTimeoutSeconds == 30)
        #expect(
            spec.labels == [
                "capstan.managed": "true", "capstan.node": "docker-1", "capstan.namespace": "shop",
                "capstan.pod": "web-5d8f7c-x2k4p", "capstan.pod-uid": "uid-1", "capstan.container": "web",
                "capstan.port": "30001", "capstan.kind": "Deployment", "capstan.name": "web",
                "capstan.template-hash": "5d8f7c", "capstan.app": "shop", "capstan.revision": "abc123",
                "capstan.grace-period": "30",
            ])
    }

    @Test func aContainerThatSetsPortKeepsItsOwnAndPodsOfSeveralContainersNameEach() throws {
        let first: Value = ["name": "app", "image": "a:1"]
        let second: Value = ["name": "sidecar", "image": "b:1"]
        let pod = Self.pod(containers: [first, second])
        let spec = try PodContainerSpec.make(
            pod: pod, container: first, placement: Self.placement, environment: [("PORT", "8080")])
        #expect(spec.env["PORT"] == "8080")
        #expect(spec.entrypoint == nil && spec.cmd == nil, "the image's entrypoint and command stay")
        #expect(PodContainerSpec.containerName(pod: pod, container: "sidecar") == "shop-web-5d8f7c-x2k4p-sidecar")
    }

    @Test(arguments: [
        (["name": "app"] as Value, [] as [Value], "pod shop/web-5d8f7c-x2k4p container app: image is required"),
        (
            ["name": "app", "image": "a:1", "volumeMounts": [["name": "x", "mountPath": "/x"]]] as Value, [],
            "pod shop/web-5d8f7c-x2k4p container app: volumeMounts x: no volume of that name in the pod"
        ),
        (
            ["name": "app", "image": "a:1", "volumeMounts": [["name": "creds", "mountPath": "/c"]]] as Value,
            [["name": "creds", "projected": ["sources": []]]] as [Value],
            "pod shop/web-5d8f7c-x2k4p container app: volume creds (projected) is not supported on Docker yet"
        ),
        (
            ["name": "app", "image": "a:1", "volumeMounts": [["name": "creds", "mountPath": "/c"]]] as Value,
            [["name": "creds", "secret": ["secretName": "db"]]] as [Value],
            "pod shop/web-5d8f7c-x2k4p container app: volume creds: its files were not written"
        ),
    ])
    func whatCannotBeAContainerIsAnErrorNamingPodContainerAndField(container: Value, volumes: [Value], message: String)
    {
        let pod = Self.pod(containers: [container], volumes: volumes)
        let error = #expect(throws: PodContainerSpecError.self) {
            try PodContainerSpec.make(pod: pod, container: container, placement: Self.placement, environment: [])
        }
        #expect(error?.message == message)
    }

    @Test func aPodWithInitContainersIsRefusedNotRunWithoutThem() throws {
        let container: Value = ["name": "web", "image": "capstan-test/busybox:1"]
        var pod = Self.pod(containers: [container])
        pod.value[path: ["spec", "initContainers"]] = [["name": "migrate", "image": "capstan-test/busybox:1"]]
        #expect {
            _ = try PodContainerSpec.make(pod: pod, container: container, placement: Self.placement, environment: [])
        } throws: { error in
            "\(error)" == "pod shop/web-5d8f7c-x2k4p: initContainers are not supported on Docker yet (1 in the pod); "
                + "the pod does not start"
        }
    }

    @Test func workloadsAreReadFromTheControllerReference() {
        #expect(
            PodWorkload.of(Self.pod(containers: []))
                == PodWorkload(kind: "Deployment", name: "web", templateHash: "5d8f7c"))
        var stateful = Resource(apiVersion: "v1", kind: "Pod", namespace: "shop", name: "db-0")
        stateful.value["metadata"] = [
            "name": "db-0", "labels": ["controller-revision-hash": "db-6b9"],
            "ownerReferences": [["kind": "StatefulSet", "name": "db", "controller": true]],
        ]
        #expect(PodWorkload.of(stateful) == PodWorkload(kind: "StatefulSet", name: "db", templateHash: "db-6b9"))
        let bare = Resource(apiVersion: "v1", kind: "Pod", namespace: "shop", name: "debug")
        #expect(PodWorkload.of(bare) == PodWorkload(kind: "Pod", name: "debug", templateHash: nil))
    }
}
