import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanDockerBackend

/// Images: a local image is used without a pull; an image whose registry refuses (127.0.0.1:1, where nothing
/// listens) is `ErrImagePull` then `ImagePullBackOff`, naming the image and the daemon's message, and is not
/// pulled again before the back-off.
@Suite(.serialized) struct ImagePullTests {
    @Test(.timeLimit(.minutes(2))) func aRefusedPullBacksOffAndALocalImageIsNotPulled() async throws {
        let harness = try AgentHarness(ports: 33_400...33_499)
        let image = "127.0.0.1:1/nope:1"
        let missing = AgentHarness.deployment(
            "missing", command: "exec sleep 3600", container: ["image": .string(image)])
        let local = AgentHarness.deployment("local", command: "exec sleep 3600")
        do {
            try await harness.apply([missing, local])
            let backingOff = try await DockerNodeAgentTests.eventually(30) {
                try await harness.containerStatus("missing-")?[path: ["state", "waiting", "reason"]]
                    == "ImagePullBackOff"
            }
            #expect(backingOff, "the pod of an image that cannot be pulled is not in ImagePullBackOff")
            let waiting = try await harness.containerStatus("missing-")?[path: ["state", "waiting"]]
            #expect(waiting?["message"] == .string("Back-off pulling image \"\(image)\""))

            let events = try await harness.events(about: "missing-")
            func count(_ reason: String, _ text: String) -> Int {
                events.filter {
                    $0["reason"]?.stringValue == reason && $0["message"]?.stringValue?.contains(text) == true
                }
                .reduce(0) { $0 + ($1["count"]?.intValue ?? 1) }
            }
            #expect(count("Pulling", "Pulling image \"\(image)\"") == 1)
            #expect(count("Failed", "Failed to pull image \"\(image)\": ") == 1)
            #expect(count("Failed", "connection refused") == 1, "the daemon's message is in the event")
            #expect(count("Failed", "Error: ErrImagePull") == 1)
            #expect(count("BackOff", "Back-off pulling image \"\(image)\"") == 1)

            // Within the first back-off (10 s) no second pull.
            try await Task.sleep(for: .seconds(3))
            let later = try await harness.events(about: "missing-").filter { $0["reason"] == "Pulling" }
            #expect(later.reduce(0) { $0 + ($1["count"]?.intValue ?? 1) } == 1, "pulled again within the back-off")

            let running = try await harness.containerStatus("local-")?["ready"] == true
            #expect(running)
            let localEvents = try await harness.events(about: "local-")
            #expect(!localEvents.contains { $0["reason"] == "Pulling" || $0["reason"] == "Pulled" })
            #expect(localEvents.contains { $0["reason"] == "Started" })
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    @Test(
        arguments: [
            ("nginx", nil, "Always"), ("nginx:latest", nil, "Always"), ("nginx:1.27", nil, "IfNotPresent"),
            ("127.0.0.1:5000/app", nil, "Always"), ("127.0.0.1:5000/app:2", nil, "IfNotPresent"),
            ("app@sha256:abc", nil, "IfNotPresent"), ("nginx:1.27", "Always", "Always"),
        ] as [(String, String?, String)])
    func pullPolicyDefaultsAsKubernetes(image: String, policy: String?, expected: String) {
        var container: Value = ["image": .string(image)]
        if let policy { container["imagePullPolicy"] = .string(policy) }
        #expect(DockerNodeAgent.pullPolicy(of: container, image: image) == expected)
    }
}
