import CapstanModel
import CapstanNotifications
import Testing

/// Per provider, deliveries follow insertion order, even when the first ones need retries.
@Suite struct DeliveryOrderTests {
    @Test func retriedHeadBlocksLaterEventsOfTheSameProvider() async throws {
        try await NotifierHarness.withHarness { harness in
            let receiver = try await harness.receiver(failFirst: 3)
            let notifier = try harness.notifier([try TestEvents.provider("ordered", url: receiver.baseURL)])
            let ids = (1...8).map { "evt-\($0)" }
            for id in ids { await notifier.publish(TestEvents.event(id: id)) }
            let running = harness.start(notifier)
            let requests = await receiver.waitForRequests(11)
            await running.stop()
            #expect(requests.count == 11)
            #expect(requests.prefix(3).compactMap(\.eventID) == ["evt-1", "evt-1", "evt-1"])
            #expect(requests.filter { $0.status == 200 }.compactMap(\.eventID) == ids)
        }
    }
}
