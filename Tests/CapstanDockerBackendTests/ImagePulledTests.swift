import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanDockerBackend

/// A successful pull from a registry on 127.0.0.1 whose layer takes 3 s: `Pulling` then `Pulled` with the
/// time taken and the image's size, and progress lines in the log at most every `pullProgressInterval`.
@Suite(.serialized) struct ImagePulledTests {
    @Test(.timeLimit(.minutes(2))) func aPullIsAnnouncedTimedAndItsProgressLogged() async throws {
        let registry = try await LocalRegistry.start(seconds: 3)
        defer { registry.stop() }
        let log = CapturedLogs()
        let harness = try AgentHarness(
            ports: 33_700...33_799, settings: NodeAgentSettings(pullProgressInterval: .seconds(1)), logger: log.logger)
        let image = registry.image
        let pulled = AgentHarness.deployment("pulled", command: "exec sleep 3600", container: ["image": .string(image)])
        do {
            try await harness.apply([pulled])
            let running = try await DockerNodeAgentTests.eventually(40) {
                try await harness.containerStatus("pulled-")?["ready"] == true
            }
            try #require(running, "the pod of the pulled image did not start")
            let events = try await harness.events(about: "pulled-")
            #expect(
                events.filter { $0["reason"] == "Pulling" }.map { $0["message"] } == [
                    .string("Pulling image \"\(image)\"")
                ])
            let message = try #require(events.first { $0["reason"] == "Pulled" }?["message"]?.stringValue)
            let prefix = "Successfully pulled image \"\(image)\" in "
            #expect(message.hasPrefix(prefix), "\(message)")
            let seconds = Double(message.dropFirst(prefix.count).prefix { $0 != "s" }) ?? 0
            #expect(seconds >= 2.5 && seconds < 30, "the pull took \(seconds) s")
            let size = try await harness.engine.inspectImage(image).sizeBytes
            #expect(message.hasSuffix("s. Image size: \(size) bytes."), "\(message)")

            let progress = log.all.filter { $0.hasPrefix("info pulling image \(image): ") }
            // One line at most per second of the pull (the interval), and at least two over its 3 s.
            #expect(progress.count >= 2 && progress.count <= Int(seconds) + 1, "progress lines: \(progress)")
            #expect(progress.last?.contains("MB of ") == true)
        } catch {
            await harness.stop()
            try? await harness.engine.removeImage(image, force: true)
            throw error
        }
        await harness.stop()
        try? await harness.engine.removeImage(image, force: true)
    }
}
