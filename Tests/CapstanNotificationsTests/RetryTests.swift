import CapstanModel
import CapstanNotifications
import CapstanStore
import Testing

/// Only 2xx is success: a receiver answering 500 (or 404) is retried with backoff until it answers 200,
/// with the same event id and the same bytes each time, and is then delivered exactly once.
@Suite struct RetryTests {
    @Test(arguments: [500, 503, 404, 302])
    func failingAnswersAreRetriedUntilDelivered(status: Int) async throws {
        try await NotifierHarness.withHarness { harness in
            let receiver = try await harness.receiver(failFirst: 2, failStatus: status, secret: "k")
            let notifier = try harness.notifier([
                try TestEvents.provider("flaky", .genericHMAC, url: receiver.baseURL + "/hook", secret: "k")
            ])
            let running = harness.start(notifier)
            await notifier.publish(TestEvents.event(id: "evt-retry"))
            let delivered = await eventually {
                (try? await notifier.providerStatuses().first?.delivered) == 1
            }
            // Room for a wrong extra attempt to show up.
            try await Task.sleep(for: .milliseconds(400))
            await running.stop()
            #expect(delivered)
            let requests = receiver.requests()
            #expect(requests.map(\.status) == [status, status, 200])
            #expect(Set(requests.compactMap(\.eventID)) == ["evt-retry"])
            #expect(Set(requests.map(\.body)).count == 1)
            #expect(requests.allSatisfy { $0.signatureValid == true })
            let entry = try #require(try await notifier.recentDeliveries().first)
            #expect(entry.state == .delivered)
            #expect(entry.attempts == 3)
            #expect(entry.lastStatus == 200)
            #expect(try await notifier.providerStatuses().first?.pending == 0)
        }
    }

    @Test func backoffGrowsAndStaysUnderTheCap() {
        let policy = RetryPolicy(initialDelay: .seconds(1), maximumDelay: .seconds(300), maxAttempts: 20, jitter: 0)
        let delays = (1...12).map { policy.delay(afterAttempt: $0) }
        #expect(delays.prefix(5) == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16)])
        #expect(delays.last == .seconds(300))
        let jittered = RetryPolicy(initialDelay: .seconds(1), maximumDelay: .seconds(300), jitter: 0.2)
        for attempt in 1...30 {
            let delay = jittered.delay(afterAttempt: attempt)
            let raw = min(Double(1 << min(attempt - 1, 20)), 300)
            #expect(delay <= .seconds(raw) && delay >= .milliseconds(Int64(raw * 800)))
        }
    }
}
