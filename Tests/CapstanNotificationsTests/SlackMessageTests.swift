import CapstanModel
import CapstanNotifications
import Foundation
import Testing

/// `slack`: an incoming-webhook body whose `text` reads well and escapes Slack's control characters.
@Suite struct SlackMessageTests {
    @Test func textNamesAppReasonRevisionAndMessage() async throws {
        try await NotifierHarness.withHarness { harness in
            let receiver = try await harness.receiver()
            let notifier = try harness.notifier([
                try TestEvents.provider("chat", .slack, url: receiver.baseURL + "/services/T000/B000/XXXX")
            ])
            let running = harness.start(notifier)
            await notifier.publish(
                TestEvents.event(
                    .syncFailed, id: "evt-slack", message: "apply <Deployment/web> failed & gave up",
                    metadata: ["trigger": "webhook"]))
            let requests = await receiver.waitForRequests(1)
            await running.stop()
            let request = try #require(requests.first)
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.eventID == "evt-slack")
            let body = try #require(request.jsonObject())
            #expect(
                body["text"] as? String
                    == ":x: *shop* SyncFailed at `1a2b3c4`: apply &lt;Deployment/web&gt; failed &amp; gave up")
            let attachment = try #require((body["attachments"] as? [[String: Any]])?.first)
            #expect(attachment["color"] as? String == "danger")
            let fields = (attachment["fields"] as? [[String: Any]]) ?? []
            #expect(fields.compactMap { $0["title"] as? String } == ["Revision", "Severity", "trigger"])
            #expect((attachment["footer"] as? String)?.contains("evt-slack") == true)
        }
    }
}
