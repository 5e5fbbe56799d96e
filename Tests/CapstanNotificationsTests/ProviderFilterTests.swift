import CapstanModel
import CapstanNotifications
import Testing

/// Per-provider filters on reason, app and severity: each set filter must accept the event.
@Suite struct ProviderFilterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var events: Set<AppEventReason>?
        var apps: Set<String>?
        var severity: AppEventSeverity?
        var event: AppEvent
        var expected: Bool
        var testDescription: String { "\(event.reason.rawValue)/\(event.app) → \(expected)" }
    }

    static let cases: [Case] = [
        Case(event: TestEvents.event(.driftCorrected), expected: true),
        Case(events: [.syncFailed, .rollbackPerformed], event: TestEvents.event(.syncFailed), expected: true),
        Case(events: [.syncFailed, .rollbackPerformed], event: TestEvents.event(.syncSucceeded), expected: false),
        Case(apps: ["shop"], event: TestEvents.event(app: "shop"), expected: true),
        Case(apps: ["shop"], event: TestEvents.event(app: "blog"), expected: false),
        Case(severity: .error, event: TestEvents.event(.healthDegraded), expected: true),
        Case(severity: .error, event: TestEvents.event(.healthRecovered), expected: false),
        Case(severity: .info, event: TestEvents.event(.healthRecovered), expected: true),
        Case(
            events: [.sourceError], apps: ["shop"], severity: .error, event: TestEvents.event(.sourceError),
            expected: true),
        Case(
            events: [.sourceError], apps: ["shop"], severity: .error,
            event: TestEvents.event(.sourceError, app: "blog"),
            expected: false),
    ]

    @Test(arguments: cases)
    func matches(_ filter: Case) throws {
        let provider = try TestEvents.provider(
            "p", url: "http://127.0.0.1:9/", events: filter.events, apps: filter.apps, severity: filter.severity)
        #expect(provider.matches(filter.event) == filter.expected)
    }

    @Test func eachProviderReceivesOnlyWhatItsFiltersAccept() async throws {
        try await NotifierHarness.withHarness { harness in
            let receiver = try await harness.receiver()
            let notifier = try harness.notifier([
                try TestEvents.provider("all", url: receiver.baseURL + "/all"),
                try TestEvents.provider("failures", url: receiver.baseURL + "/failures", events: [.syncFailed]),
                try TestEvents.provider("blog", url: receiver.baseURL + "/blog", apps: ["blog"]),
                try TestEvents.provider("errors", url: receiver.baseURL + "/errors", severity: .error),
            ])
            let running = harness.start(notifier)
            let events = [
                TestEvents.event(.syncSucceeded, app: "shop", id: "a"),
                TestEvents.event(.syncFailed, app: "shop", id: "b"),
                TestEvents.event(.syncSucceeded, app: "blog", id: "c"),
                TestEvents.event(.healthDegraded, app: "blog", id: "d"),
            ]
            for event in events { await notifier.publish(event) }
            // 4 + 1 + 2 + 2 deliveries in all.
            let requests = await receiver.waitForRequests(9)
            try? await Task.sleep(for: .milliseconds(200))
            await running.stop()
            let received = receiver.requests()
            #expect(requests.count == 9 && received.count == 9)
            func ids(_ path: String) -> Set<String> { Set(received.filter { $0.path == path }.compactMap(\.eventID)) }
            #expect(ids("/all") == ["a", "b", "c", "d"])
            #expect(ids("/failures") == ["b"])
            #expect(ids("/blog") == ["c", "d"])
            #expect(ids("/errors") == ["b", "d"])
        }
    }
}
