import CapstanConfig
import CapstanModel
import CapstanNotifications
import CapstanServer
import CapstanTestSupport
import Foundation
import Testing

/// Notifications from a running service to a real receiver on 127.0.0.1 (a Python `http.server` that checks
/// the HMAC with Python's own `hmac`): the events of real syncs arrive signed; with the receiver down and the
/// service restarted meanwhile, every event still arrives once the receiver is back.
@Suite(.serialized) struct NotificationDeliveryTests {
    static let secret = "notify-s3cret"

    static func configure(_ receiverURL: String) -> (inout ServiceSettings) -> Void {
        { settings in
            settings.notifications = [
                NotificationConfiguration(
                    name: "ops", type: "generic-hmac", url: receiverURL + "/hook", secret: .inline(Self.secret),
                    events: [.syncSucceeded, .rolloutCompleted, .rollbackPerformed])
            ]
            settings.notifierSettings = .fast()
        }
    }

    @Test(.timeLimit(.minutes(2))) func syncEventsArriveSignedAndSurviveARestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capstan-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var receiver = try await NotificationReceiver.start(in: folder, name: "ops", secret: Self.secret)
        let port = receiver.port
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(replicas: 2), message: "Guestbook")
        let state = folder.appendingPathComponent("state").path

        var server = try await ServerHarness.start(
            git: git, stateDirectory: state, configure: Self.configure(receiver.baseURL))
        try await server.stopping(keepState: true) {
            let received = await receiver.waitForRequests(2, within: .seconds(20))
            let bodies = received.compactMap { $0.jsonObject() }
            #expect(bodies.map { $0["reason"] as? String } == ["SyncSucceeded", "RolloutCompleted"])
            #expect(bodies.allSatisfy { $0["app"] as? String == "guestbook" && $0["revision"] as? String == first })
            #expect(received.allSatisfy { $0.signatureValid == true })
            #expect(Set(received.compactMap(\.eventID)).count == 2)
            // Stop only once both deliveries are recorded: one answered but not yet recorded would be delivered
            // again after the restart (at least once; receivers de-duplicate by event id).
            _ = try await SimulationFixtures.poll(server, "/api/v1/notifications") { list -> Value? in
                list["items"]?.arrayValue?.first.flatMap { $0["delivered"] == 2 ? $0 : nil }
            }
        }

        // The receiver goes away; a commit is synced by a service that is then stopped and started again.
        await receiver.stop()
        server = try await ServerHarness.start(
            git: git, stateDirectory: state, configure: Self.configure("http://127.0.0.1:\(port)"))
        let second = try git.commit(
            ["apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: "hi")], message: "Greeting")
        try await server.stopping(keepState: true) {
            _ = try await server.json("POST", "/api/v1/apps/guestbook/sync")
            _ = try await server.waitForApp {
                $0[path: ["rollout", "revision"]] == .string(second) && $0[path: ["rollout", "state"]] == "Healthy"
            }
        }
        server = try await ServerHarness.start(
            git: git, stateDirectory: state, configure: Self.configure("http://127.0.0.1:\(port)"))
        try await server.stopping {
            receiver = try await NotificationReceiver.start(in: folder, name: "ops", port: port, secret: Self.secret)
            let received = await receiver.waitForRequests(4, within: .seconds(30))
            let later = received.dropFirst(2).compactMap { $0.jsonObject() }
            #expect(later.map { $0["reason"] as? String } == ["SyncSucceeded", "RolloutCompleted"])
            #expect(later.allSatisfy { $0["revision"] as? String == second })
            #expect(received.allSatisfy { $0.signatureValid == true })
            // The delivery is recorded just after the receiver answered.
            let ops = try await SimulationFixtures.poll(server, "/api/v1/notifications") { list -> Value? in
                guard let ops = list["items"]?.arrayValue?.first, ops["delivered"] == 4 else { return Value?.none }
                return ops
            }
            #expect(ops["pending"] == 0)
            #expect(ops["dead"] == 0)
            #expect(ops["type"] == "generic-hmac")
            await receiver.stop()
        }
    }
}
