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
        var web = AgentHarness.deployment("web", command: "exec sleep 3600")
        web.annotations = ["capstan.io/app": "shop", "capstan.io/revision": "rev-1"]
        web.value[path: ["spec", "template", "metadata", "annotations"]] = ["capstan.io/revision": "pod-rev"]
        var db = Resource(apiVersion: "apps/v1", kind: "StatefulSet", namespace: "default", name: "db")
        db.annotations = ["capstan.io/app": "data", "capstan.io/revision": "rev-9"]
        db.value["spec"] = AgentHarness.deployment("db", command: "exec sleep 3600").value["spec"]
        db.value[path: ["spec", "serviceName"]] = "db"
        let running = { (name: String) async throws -> [ContainerSummary] in
            try await harness.containers().filter { $0.labels[ContainerLabels.name] == name && $0.state == "running" }
        }
        do {
            // The Deployment controller copies the Deployment's annotations to its ReplicaSet; the agent reads the
            // ReplicaSet's (the pod template's own annotation does not count).
            try await harness.apply([web, db])
            let labelled = try await DockerNodeAgentTests.eventually(30) {
                let web = try await running("web").count
                let db = try await running("db").count
                return web == 1 && db == 1
            }
            try #require(labelled, "the containers were not created")
            let webLabels = try #require(try await running("web").first?.labels)
            #expect(webLabels[ContainerLabels.app] == "shop")
            #expect(webLabels[ContainerLabels.revision] == "rev-1")
            let dbLabels = try #require(try await running("db").first?.labels)
            #expect(dbLabels[ContainerLabels.app] == "data")
            #expect(dbLabels[ContainerLabels.revision] == "rev-9")

            // A new template at a new commit: the new ReplicaSet's pods carry the new revision.
            web.annotations["capstan.io/revision"] = "rev-2"
            web.value[path: ["spec", "template", "metadata", "annotations", "version"]] = "2"
            try await harness.apply([web])
            let rolled = try await DockerNodeAgentTests.eventually(30) {
                let now = try await running("web")
                return now.count == 1 && now[0].labels[ContainerLabels.revision] == "rev-2"
            }
            let after = try await running("web").map(\.labels)
            #expect(rolled, "after the rollout: \(after)")
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
