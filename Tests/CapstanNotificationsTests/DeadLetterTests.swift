import CapstanModel
import CapstanNotifications
import CapstanStore
import Testing

/// After the maximum number of attempts a row is dead, keeps its last error, and is logged; neither the
/// error nor the logs show the URL's token.
@Suite struct DeadLetterTests {
    static let token = "T0KEN-s3cr3t-path"

    @Test func givesUpAfterMaxAttemptsWithoutLeakingTheURL() async throws {
        try await NotifierHarness.withHarness { harness in
            let receiver = try await harness.receiver(failFirst: 1000, failStatus: 503)
            let url = "http://bot:pa55word@127.0.0.1:\(receiver.port)/services/\(Self.token)?key=\(Self.token)"
            let notifier = try harness.notifier(
                [try TestEvents.provider("doomed", .slack, url: url)], settings: .fast(maxAttempts: 3))
            let running = harness.start(notifier)
            await notifier.publish(TestEvents.event(.syncFailed, id: "evt-dead"))
            let dead = await eventually { (try? await notifier.providerStatuses().first?.dead) == 1 }
            try await Task.sleep(for: .milliseconds(400))
            await running.stop()
            #expect(dead)
            #expect(receiver.requests().count == 3)
            let entry = try #require(try await notifier.recentDeliveries(state: .dead).first)
            #expect(entry.attempts == 3)
            #expect(entry.lastStatus == 503)
            let error = try #require(entry.lastError)
            #expect(error.contains("HTTP 503"))
            #expect(error.contains("127.0.0.1:\(receiver.port)"))
            let logs = harness.logs.all
            #expect(logs.contains { $0.contains("given up after 3 attempt(s)") })
            for text in [error] + logs {
                #expect(!text.contains(Self.token))
                #expect(!text.contains("pa55word"))
            }
            let status = try #require(try await notifier.providerStatuses().first)
            #expect(status.url == "http://127.0.0.1:\(receiver.port)/…")
            #expect(status.pending == 0 && status.delivered == 0)
        }
    }

    @Test func connectFailuresAreRetriedToo() async throws {
        try await NotifierHarness.withHarness { harness in
            // A port that was just closed: connections are refused.
            let gone = try await harness.receiver("gone")
            await gone.stop()
            let notifier = try harness.notifier(
                [try TestEvents.provider("down", url: gone.baseURL + "/\(Self.token)")], settings: .fast(maxAttempts: 2)
            )
            let running = harness.start(notifier)
            await notifier.publish(TestEvents.event(id: "evt-refused"))
            let dead = await eventually { (try? await notifier.providerStatuses().first?.dead) == 1 }
            await running.stop()
            #expect(dead)
            let entry = try #require(try await notifier.recentDeliveries().first)
            #expect(entry.attempts == 2)
            #expect(entry.lastStatus == nil)
            #expect(entry.lastError?.contains("connect failed") == true)
            #expect(entry.lastError?.contains(Self.token) == false)
        }
    }
}
