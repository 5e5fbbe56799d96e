import CapstanHTTPClient
import CapstanModel
import CapstanTestSupport
import Testing

@Suite(.serialized) struct WebhookBurstTests {
    /// 50 pushes, and their 50 signed deliveries posted at once: every delivery is answered 202, the app ends at
    /// the last commit, and the burst merges into a handful of reconciles instead of 50.
    @Test func aBurstOfDeliveriesCoalescesAndEndsAtTheLastCommit() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await WebhookHarness.start(git: git, providers: [.github])
        try await server.waitForRevision(first)
        _ = try await server.latestSync(of: first)
        let syncsBefore = try await server.history().count

        var commits: [String] = []
        for index in 1...50 {
            commits.append(
                try git.commit(
                    ["apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: "push \(index)")],
                    message: "Push \(index)"))
        }
        let deliveries = try commits.enumerated().map { index, commit in
            let body = WebhookPushPayloads.push(.github, repository: git.url, after: commit)
            return (body, try WebhookSigner.headers(.github, body: body, delivery: "burst-\(index)"))
        }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for (body, headers) in deliveries {
                group.addTask { try await server.post("github", body, headers: headers).status }
            }
            var statuses: [Int] = []
            for try await status in group { statuses.append(status) }
            return statuses
        }
        #expect(statuses == Array(repeating: 202, count: 50))

        let app = try await server.waitForRevision(commits.last!)
        #expect(app[path: ["sync", "status"]] == "Synced")
        _ = try await server.latestSync(of: commits.last!)
        let history = try await server.history()
        let webhookSyncs = history.dropLast(syncsBefore).filter { $0["trigger"] == "webhook" }
        #expect((1...5).contains(webhookSyncs.count), "\(webhookSyncs.count) syncs for 50 deliveries")
        print("webhook burst: 50 deliveries -> \(webhookSyncs.count) sync(s)")
        await server.stop()
    }
}
