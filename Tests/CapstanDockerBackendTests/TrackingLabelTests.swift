import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanDockerBackend

/// Containers carry the app and revision of the workload that owns their pod: a Deployment's app and its
/// ReplicaSet's revision (the pod's own annotations do not count), a StatefulSet's app and revision.
@Suite(.serialized) struct TrackingLabelTests {
    @Test(.timeLimit(.minutes(2))) func containersAreLabelledFromTheOwningWorkload() async throws {
        let harness = try AgentHarness(ports: 33_200...33_299)
        var web = AgentHarness.deployment("web", command: "exec sleep 3600", replicas: 0)
        web.annotations = ["capstan.io/app": "shop", "capstan.io/revision": "rev-2"]
        web.value[path: ["spec", "template", "metadata", "annotations"]] = ["capstan.io/revision": "pod-rev"]
        var db = Resource(apiVersion: "apps/v1", kind: "StatefulSet", namespace: "default", name: "db")
        db.annotations = ["capstan.io/app": "data", "capstan.io/revision": "rev-9"]
        db.value["spec"] = AgentHarness.deployment("db", command: "exec sleep 3600").value["spec"]
        db.value[path: ["spec", "serviceName"]] = "db"
        do {
            // The ReplicaSet's revision, as the Deployment controller copies it from the Deployment when it
            // creates the ReplicaSet; set here to another value than the Deployment's to show which one counts.
            try await harness.apply([web])
            var replicaSet: Resource?
            _ = try await DockerNodeAgentTests.eventually(10) {
                replicaSet = try await harness.cluster.list(ResourceTypes.replicaSet, namespace: "default").first {
                    $0.name.hasPrefix("web-")
                }
                return replicaSet != nil
            }
            var annotated = try #require(replicaSet, "the Deployment has no ReplicaSet")
            annotated.annotations["capstan.io/revision"] = "rev-1"
            try await harness.apply([annotated])
            web.value[path: ["spec", "replicas"]] = 1
            try await harness.apply([web, db])

            let labelled = try await DockerNodeAgentTests.eventually(30) {
                try await harness.containers().count == 2
            }
            try #require(labelled, "the containers were not created")
            let containers = try await harness.containers()
            let webLabels = try #require(containers.first { $0.labels[ContainerLabels.name] == "web" }?.labels)
            #expect(webLabels[ContainerLabels.app] == "shop")
            #expect(webLabels[ContainerLabels.revision] == "rev-1")
            let dbLabels = try #require(containers.first { $0.labels[ContainerLabels.name] == "db" }?.labels)
            #expect(dbLabels[ContainerLabels.app] == "data")
            #expect(dbLabels[ContainerLabels.revision] == "rev-9")
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
