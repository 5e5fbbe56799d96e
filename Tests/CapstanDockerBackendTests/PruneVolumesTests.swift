import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanDockerBackend

/// The volume of a PersistentVolumeClaim deleted from the control plane: removed with `pruneVolumes` (once its
/// container is gone), kept without.
@Suite(.serialized) struct PruneVolumesTests {
    @Test(.timeLimit(.minutes(2)), arguments: [true, false])
    func theVolumeOfADeletedClaimIsRemovedOnlyWhenPruning(prune: Bool) async throws {
        let harness = try AgentHarness(ports: 33_300...33_399, settings: NodeAgentSettings(pruneVolumes: prune))
        let namespace = "prune-\(harness.node)"
        let volumeName = "capstan-\(namespace)-data"
        var claim = Resource(apiVersion: "v1", kind: "PersistentVolumeClaim", namespace: namespace, name: "data")
        claim.value["spec"] = ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]]
        let app = AgentHarness.deployment(
            "app", command: "echo kept > /data/file; exec sleep 3600", namespace: namespace,
            container: ["volumeMounts": [["name": "data", "mountPath": "/data"]]],
            pod: ["volumes": [["name": "data", "persistentVolumeClaim": ["claimName": "data"]]]])
        let space = Resource(apiVersion: "v1", kind: "Namespace", name: namespace)
        do {
            try await harness.apply([space, claim, app])
            let running = try await DockerNodeAgentTests.eventually(30) {
                try await harness.containerStatus("app-", namespace: namespace)?["ready"] == true
            }
            try #require(running, "the pod with a claim did not start")
            let volumes = try await harness.engine.listVolumes(labels: [ContainerLabels.claim: "data"])
            let volume = try #require(volumes.first { $0.name == volumeName })
            #expect(volume.labels[ContainerLabels.managed] == "true")
            #expect(volume.labels[ContainerLabels.namespace] == namespace)

            _ = await harness.cluster.delete([app.key, claim.key])
            let containersGone = try await DockerNodeAgentTests.eventually(30) {
                try await harness.containers().isEmpty
            }
            try #require(containersGone)
            func exists() async throws -> Bool {
                try await harness.engine.listVolumes(labels: [ContainerLabels.claim: "data"]).contains {
                    $0.name == volumeName
                }
            }
            if prune {
                let removed = try await DockerNodeAgentTests.eventually(20) { try await !exists() }
                #expect(removed, "the volume of the deleted claim was not pruned")
            } else {
                try await Task.sleep(for: .seconds(2))
                #expect(try await exists(), "the volume was removed without pruneVolumes")
            }
        } catch {
            await harness.stop()
            try? await harness.engine.removeVolume(volumeName, force: true)
            throw error
        }
        await harness.stop()
        try? await harness.engine.removeVolume(volumeName, force: true)
    }
}
