import CapstanModel
import Testing

@testable import CapstanDockerBackend

/// `capstan.app` comes from the pod's top owner, `capstan.revision` from the pod's own controller.
@Suite struct WorkloadTrackingTests {
    static func object(
        _ kind: String, _ name: String, annotations: [String: String] = [:], owner: (String, String)? = nil
    )
        -> Resource
    {
        var object = Resource(
            apiVersion: kind == "Pod" ? "v1" : "apps/v1", kind: kind, namespace: "shop", name: name)
        object.annotations = annotations
        if let (kind, name) = owner {
            object.value[path: ["metadata", "ownerReferences"]] = [
                ["apiVersion": "apps/v1", "kind": .string(kind), "name": .string(name), "controller": true]
            ]
        }
        return object
    }

    @Test func aDeploymentPodTakesTheAppOfTheDeploymentAndTheRevisionOfItsReplicaSet() {
        let pod = Self.object(
            "Pod", "web-1", annotations: ["capstan.io/app": "pod-app", "capstan.io/revision": "pod-rev"],
            owner: ("ReplicaSet", "web-7d9"))
        let replicaSet = Self.object(
            "ReplicaSet", "web-7d9", annotations: ["capstan.io/app": "shop", "capstan.io/revision": "old"],
            owner: ("Deployment", "web"))
        let deployment = Self.object(
            "Deployment", "web", annotations: ["capstan.io/app": "shop", "capstan.io/revision": "new"])
        let stamps = WorkloadTracking.stamps(pod: pod, owners: [replicaSet, deployment])
        #expect(stamps.app == "shop" && stamps.revision == "old")
        #expect(
            WorkloadTracking.controllerKey(of: pod)
                == ResourceKey(group: "apps", kind: "ReplicaSet", namespace: "shop", name: "web-7d9"))
    }

    @Test func aStatefulSetPodAndABarePod() {
        let set = Self.object(
            "StatefulSet", "db", annotations: ["capstan.io/app": "data", "capstan.io/revision": "r9"])
        let member = Self.object("Pod", "db-0", owner: ("StatefulSet", "db"))
        #expect(WorkloadTracking.stamps(pod: member, owners: [set]) == ("data", "r9"))
        let bare = Self.object("Pod", "debug", annotations: ["capstan.io/revision": "r1"])
        #expect(WorkloadTracking.stamps(pod: bare, owners: []) == (nil, "r1"))
        #expect(WorkloadTracking.controllerKey(of: bare) == nil)
    }
}
