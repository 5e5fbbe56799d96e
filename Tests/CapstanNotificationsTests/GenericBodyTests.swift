import CapstanModel
import CapstanNotifications
import Foundation
import Testing

/// The generic body: exact bytes, key order, headers; no signature.
@Suite struct GenericBodyTests {
    @Test func bodyHasTheDocumentedFieldsInOrder() async throws {
        try await NotifierHarness.withHarness { harness in
            let receiver = try await harness.receiver()
            let notifier = try harness.notifier([
                try TestEvents.provider("plain", url: receiver.baseURL + "/hook")
            ])
            let running = harness.start(notifier)
            let event = TestEvents.event(
                .syncSucceeded, id: "evt-1", message: "synced \"3\" resources\nline two",
                metadata: ["trigger": "webhook", "author": "Ada", "changes": "3"])
            await notifier.publish(event)
            let requests = await receiver.waitForRequests(1)
            await running.stop()
            try #require(requests.count == 1)
            let request = requests[0]
            #expect(request.path == "/hook")
            #expect(
                request.bodyText
                    == #"{"id":"evt-1","app":"shop","revision":"1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d","#
                    + #""reason":"SyncSucceeded","severity":"info","message":"synced \"3\" resources\nline two","#
                    + #""timestamp":"2026-11-20T16:41:05.123Z","#
                    + #""metadata":{"author":"Ada","changes":"3","trigger":"webhook"}}"#)
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.eventID == "evt-1")
            #expect(request.headers["x-signature"] == nil)
            let parsed = try #require(request.jsonObject())
            #expect(parsed["message"] as? String == "synced \"3\" resources\nline two")
        }
    }

    @Test func missingRevisionIsNullAndErrorsCarryTheirSeverity() async throws {
        try await NotifierHarness.withHarness { harness in
            let receiver = try await harness.receiver()
            let notifier = try harness.notifier([try TestEvents.provider("plain", url: receiver.baseURL)])
            let running = harness.start(notifier)
            await notifier.publish(TestEvents.event(.sourceError, id: "evt-2", revision: nil, message: "fetch failed"))
            let requests = await receiver.waitForRequests(1)
            await running.stop()
            let body = try #require(requests.first?.jsonObject())
            #expect(body["revision"] is NSNull)
            #expect(body["severity"] as? String == "error")
            #expect(body["reason"] as? String == "SourceError")
            #expect((body["metadata"] as? [String: Any])?.isEmpty == true)
            #expect(requests.first?.path == "/")
        }
    }
}
