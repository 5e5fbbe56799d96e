import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanDockerBackend

/// ConfigMap and Secret volumes on a real daemon: the container reads the files (all keys; `items` with
/// `defaultMode`), they live on a host tmpfs and the Secret value is nowhere under the daemon's data root, a
/// changed ConfigMap is refreshed in the running pod, a missing Secret is `CreateContainerConfigError` naming
/// it, and the files go with the pod.
@Suite(.serialized) struct ConfigVolumeTests {
    @Test(.timeLimit(.minutes(2))) func podsReadConfigMapAndSecretFilesKeptOnATmpfs() async throws {
        let directory = "/dev/shm/capstan-test-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try AgentHarness(
            ports: 33_000...33_099, settings: NodeAgentSettings(volumeDirectory: directory))
        let canary = "canary-\(UUID().uuidString)"
        var config = Resource(apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "app-config")
        config.value["data"] = ["app.conf": "greeting=hello\n", "other": "x"]
        var secret = Resource(apiVersion: "v1", kind: "Secret", namespace: "default", name: "db")
        secret.value["data"] = [
            "password": .string(Data(canary.utf8).base64EncodedString()), "user": .string("YWRtaW4="),
        ]
        let web = AgentHarness.deployment(
            "web", command: "exec sleep 3600",
            container: [
                "volumeMounts": [
                    ["name": "config", "mountPath": "/etc/app"], ["name": "creds", "mountPath": "/etc/creds"],
                ]
            ],
            pod: [
                "volumes": [
                    ["name": "config", "configMap": ["name": "app-config"]],
                    [
                        "name": "creds",
                        "secret": [
                            "secretName": "db", "defaultMode": .int(0o400),
                            "items": [["key": "password", "path": "db/password"]],
                        ],
                    ],
                ]
            ])
        let broken = AgentHarness.deployment(
            "broken", command: "exec sleep 3600",
            container: ["volumeMounts": [["name": "creds", "mountPath": "/c"]]],
            pod: ["volumes": [["name": "creds", "secret": ["secretName": "missing"]]]])
        do {
            try await harness.apply([config, secret, web, broken])
            let running = try await DockerNodeAgentTests.eventually(30) {
                try await harness.containerStatus("web-")?["ready"] == true
            }
            try #require(running, "the pod with volumes did not start")
            let container = try #require(
                try await harness.containers().first { $0.labels["capstan.pod"]?.hasPrefix("web-") == true })
            func run(_ command: String...) async throws -> String {
                try await harness.engine.exec(container.id, command: command).stdout
            }
            #expect(try await run("cat", "/etc/app/app.conf") == "greeting=hello\n")
            #expect(try await run("ls", "/etc/app") == "app.conf\nother\n")
            #expect(try await run("ls", "/etc/creds") == "db\n", "items: only the listed key")
            #expect(try await run("cat", "/etc/creds/db/password") == canary)
            #expect(try await run("stat", "-c", "%a %u", "/etc/creds/db/password") == "400 0\n")
            let written = try await run("sh", "-c", "echo x > /etc/app/new 2>&1 || echo refused")
            #expect(written.contains("refused") || written.contains("Read-only"), "the volume is read-only")

            // On the host: a tmpfs, and the Secret value under no file of the daemon's data root.
            let uid = try #require(container.labels[ContainerLabels.podUID])
            let hostFile = "\(directory)/\(harness.node)/\(uid)/creds/db/password"
            #expect(VolumeDirectory.isTmpfs(hostFile))
            let socket = try DockerTestDaemon.host.get().replacingOccurrences(of: "unix://", with: "")
            let dataRoot = (socket as NSString).deletingLastPathComponent + "/data"
            let control = Shell.run(["grep", "-r", "-l", "-F", "-D", "skip", canary, directory])
            #expect(control.status == 0, "grep finds the canary where it is (\(control.stderr))")
            // Exit 2 with no file listed: files of other tests' containers vanished during the scan.
            let search = Shell.run(["grep", "-r", "-l", "-s", "-F", "-D", "skip", canary, dataRoot])
            #expect(
                search.status != 0 && search.stdout.isEmpty, "the Secret value is under the data root: \(search.stdout)"
            )

            // A changed ConfigMap reaches the running pod's files.
            config.value["data"] = ["app.conf": "greeting=bye\n"]
            try await harness.apply([config])
            let refreshed = try await DockerNodeAgentTests.eventually(20) {
                let text = try await run("cat", "/etc/app/app.conf")
                let names = try await run("ls", "/etc/app")
                return text == "greeting=bye\n" && names == "app.conf\n"
            }
            #expect(refreshed, "the running pod's ConfigMap files were not refreshed")

            let waiting = try await harness.containerStatus("broken-")?[path: ["state", "waiting"]]
            #expect(waiting?["reason"] == "CreateContainerConfigError")
            #expect(waiting?["message"]?.stringValue?.contains("secret \"missing\" not found") == true)

            _ = await harness.cluster.delete([web.key, broken.key])
            let gone = try await DockerNodeAgentTests.eventually(30) {
                try await harness.containers().isEmpty
                    && !FileManager.default.fileExists(atPath: "\(directory)/\(harness.node)/\(uid)")
            }
            #expect(gone, "containers or volume files of the deleted pod are still there")
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
