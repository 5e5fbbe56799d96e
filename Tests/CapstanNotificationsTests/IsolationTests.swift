import CapstanModel
import CapstanNotifications
import CapstanTestSupport
import Testing

/// Each provider has its own worker: a receiver that refuses connections or never answers does not
/// delay another, and stopping the notifier does not wait for a hanging delivery.
@Suite struct IsolationTests {
    static let settings: NotifierSettings = {
        var settings = NotifierSettings.fast(maxAttempts: 1000)
        settings.timeout = .seconds(5)
        return settings
    }()

    @Test(arguments: ["refusing", "hanging"])
    func deadReceiverDoesNotDelayAnother(mode: String) async throws {
        try await NotifierHarness.withHarness { harness in
            let healthy = try await harness.receiver("healthy")
            let bad: NotificationReceiver
            if mode == "refusing" {
                bad = try await harness.receiver("bad")
                await bad.stop()
            } else {
                bad = try await harness.receiver("bad", delay: .seconds(30))
            }
            let notifier = try harness.notifier(
                [
                    try TestEvents.provider("bad", url: bad.baseURL),
                    try TestEvents.provider("healthy", url: healthy.baseURL),
                ],
                settings: Self.settings)
            let running = harness.start(notifier)
            for index in 1...10 { await notifier.publish(TestEvents.event(id: "evt-\(index)")) }
            // A queue shared with the bad receiver would need 10 × 5 s (hanging) or 1,000 attempts (refusing)
            // before the healthy one got the tenth event: far beyond this bound, even on a loaded machine.
            let requests = await healthy.waitForRequests(10, within: .seconds(20))
            let statuses = try await notifier.providerStatuses()
            let stopStart = ContinuousClock.now
            let stopped = await running.stop()
            #expect(requests.count == 10)
            #expect(statuses.first { $0.name == "bad" }?.pending == 10)
            #expect(stopped)
            // Stopping does not wait for the hanging delivery's 30 s answer.
            #expect(ContinuousClock.now - stopStart < .seconds(10))
        }
    }
}
