import CapstanModel
import CapstanNotifications
import Testing

/// Identical events (same app, reason, revision, message) within the window are sent once.
@Suite struct DeduplicationTests {
    @Test func identicalEventsWithinTheWindowAreSentOnce() async throws {
        try await NotifierHarness.withHarness { harness in
            let receiver = try await harness.receiver()
            let notifier = try harness.notifier(
                [try TestEvents.provider("ops", url: receiver.baseURL)],
                settings: .fast(deduplicationWindow: .seconds(60)))
            let same = "sync failed: manifest invalid"
            let first = try await notifier.enqueue(TestEvents.event(.syncFailed, id: "one", message: same))
            let repeated = try await notifier.enqueue(TestEvents.event(.syncFailed, id: "two", message: same))
            let otherMessage = try await notifier.enqueue(TestEvents.event(.syncFailed, id: "three", message: "other"))
            let otherRevision = try await notifier.enqueue(
                TestEvents.event(.syncFailed, id: "four", revision: "ffff", message: same))
            let otherReason = try await notifier.enqueue(TestEvents.event(.sourceError, id: "five", message: same))
            let otherApp = try await notifier.enqueue(
                TestEvents.event(.syncFailed, app: "blog", id: "six", message: same))
            #expect(first == ["ops"])
            #expect(repeated == [])
            #expect([otherMessage, otherRevision, otherReason, otherApp] == [["ops"], ["ops"], ["ops"], ["ops"]])
            let running = harness.start(notifier)
            _ = await receiver.waitForRequests(5)
            try await Task.sleep(for: .milliseconds(300))
            await running.stop()
            #expect(receiver.requests().compactMap(\.eventID) == ["one", "three", "four", "five", "six"])
        }
    }

    @Test func republishingTheSameIdStoresNothingNew() async throws {
        try await NotifierHarness.withHarness { harness in
            let notifier = try harness.notifier(
                [try TestEvents.provider("ops", url: "http://127.0.0.1:9/")],
                settings: .fast(deduplicationWindow: .zero))
            let event = TestEvents.event(id: "same-id")
            #expect(try await notifier.enqueue(event) == ["ops"])
            #expect(try await notifier.enqueue(event) == [])
            #expect(try await notifier.providerStatuses().first?.pending == 1)
        }
    }
}
