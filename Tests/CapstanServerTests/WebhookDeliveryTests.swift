import CapstanModel
import CapstanTestSupport
import Testing

@Suite(.serialized) struct WebhookDeliveryTests {
    /// A commit plus a signed push webhook from each provider, over real HTTP, deploys the new commit; the
    /// poll interval is an hour, so only the webhook can have made the service fetch.
    @Test(arguments: WebhookSender.allCases)
    func aSignedPushDeploysTheNewCommit(provider: WebhookSender) async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await WebhookHarness.start(git: git)
        try await server.waitForRevision(first)

        let second = try git.commit(
            ["apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: "via \(provider.rawValue)")],
            message: "Change the greeting")
        // The generic sender names the plain path, the others the file URL: both are the same repository.
        let repository = provider == .generic ? git.bare.path : git.url
        let body = WebhookPushPayloads.push(provider, repository: repository, after: second)
        let response = try await server.deliver(provider, body, delivery: "delivery-\(provider.rawValue)")
        #expect(response.status == 202, "\(response.text)")
        let answer = try JSONParser.parse(response.body)
        #expect(answer["accepted"] == true)
        #expect(answer["apps"] == ["guestbook"])
        #expect(answer["revision"] == .string(second))
        #expect(answer["reason"] == nil)

        let app = try await server.waitForRevision(second)
        #expect(app[path: ["sync", "status"]] == "Synced")
        let latest = try await server.latestSync(of: second)
        #expect(latest["trigger"] == "webhook")
        await server.stop()
    }

    /// A push of a commit the app has already looked at (a redelivery, a repeated push) makes no fetch.
    @Test func aPushOfTheCurrentCommitAsksNoAppAgain() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await WebhookHarness.start(git: git, providers: [.github])
        try await server.stopping {
            try await server.waitForRevision(first)
            _ = try await server.server.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
            try await Task.sleep(for: .milliseconds(300))
            let before = try await server.json("/api/v1/apps/guestbook")
            let body = WebhookPushPayloads.push(.github, repository: git.url, after: first)
            let response = try await server.deliver(.github, body, delivery: "again-1")
            #expect(response.status == 202)
            let answer = try JSONParser.parse(response.body)
            #expect(answer["apps"] == [])
            #expect(answer["current"] == ["guestbook"])
            #expect(answer["reason"] == nil)
            // No reconcile ran: the app was not asked.
            try await Task.sleep(for: .milliseconds(300))
            let after = try await server.json("/api/v1/apps/guestbook")
            #expect(after["reconciledAt"] == before["reconciledAt"])
        }
    }

    /// A push of another repository or branch is accepted but concerns no app.
    @Test func aPushNoAppWatchesMatchesNothing() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await WebhookHarness.start(git: git, providers: [.github])
        try await server.waitForRevision(first)

        let otherRepository = WebhookPushPayloads.push(.github, repository: "https://example.com/x/y.git", after: first)
        let otherBranch = WebhookPushPayloads.push(.github, repository: git.url, ref: "refs/heads/dev", after: first)
        for body in [otherRepository, otherBranch] {
            let response = try await server.deliver(.github, body)
            #expect(response.status == 202)
            let answer = try JSONParser.parse(response.body)
            #expect(answer["accepted"] == true)
            #expect(answer["apps"] == [])
            #expect(answer["reason"]?.stringValue?.hasPrefix("no app watches") == true, "\(response.text)")
        }
        await server.stop()
    }
}
