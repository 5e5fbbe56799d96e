import CapstanModel
import CapstanNotifications
import Testing

/// At least once across restarts: the receiver is down, Capstan is stopped and started again on the same
/// SQLite file, and once the receiver is back every event arrives with its original id.
@Suite struct RestartTests {
    @Test func everyEventArrivesAfterReceiverAndNotifierRestart() async throws {
        try await NotifierHarness.withHarness { harness in
            // Learn a free port, then close it: the receiver is down from the start.
            let first = try await harness.receiver("hook")
            let port = first.port
            await first.stop()
            let settings = NotifierSettings.fast(maxAttempts: 10_000)
            let providers = [
                try TestEvents.provider("ops", .genericHMAC, url: "http://127.0.0.1:\(port)/hook", secret: "k")
            ]
            let ids = (1...6).map { "evt-\($0)" }

            let before = try harness.notifier(providers, settings: settings)
            let running = harness.start(before)
            for id in ids.prefix(3) { await before.publish(TestEvents.event(id: id)) }
            let retried = await eventually {
                ((try? await before.recentDeliveries(limit: 10)) ?? []).contains { $0.attempts >= 2 }
            }
            #expect(retried)
            #expect(await running.stop())

            // While Capstan is down nothing is delivered; events published by the new process queue
            // behind the old ones.
            let after = try harness.notifier(providers, settings: settings)
            for id in ids.suffix(3) { await after.publish(TestEvents.event(id: id)) }
            #expect(try await after.providerStatuses().first?.pending == 6)
            let restarted = harness.start(after)
            try await Task.sleep(for: .milliseconds(300))
            let back = try await harness.receiver("hook", port: port, secret: "k")
            let requests = await back.waitForRequests(6)
            let allDelivered = await eventually { (try? await after.providerStatuses().first?.delivered) == 6 }
            await restarted.stop()
            #expect(allDelivered)
            #expect(requests.compactMap(\.eventID) == ids)
            #expect(requests.allSatisfy { $0.signatureValid == true && $0.status == 200 })
        }
    }
}
