import CapstanHTTPClient
import CapstanModel
import CapstanTestSupport
import Testing

@Suite(.serialized) struct WebhookBodyLimitTests {
    /// A client that sends the headers and part of the body, then stalls, gets 408 after the read timeout
    /// (`webhooks.readTimeout`, 1 s here) and its connection is closed; the service keeps answering others meanwhile and afterwards.
    @Test func aStalledBodyIsCutOffAfterTheReadTimeout() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await WebhookHarness.start(git: git, providers: [.github], readTimeout: .seconds(1))
        try await server.waitForRevision(first)

        let started = ContinuousClock.now
        let connection = try WebhookRawConnection(port: server.port)
        try connection.send(
            "POST /api/v1/webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "X-GitHub-Event: push\r\nX-Hub-Signature-256: sha256=00\r\nContent-Length: 1000\r\n\r\n{\"ref\": ")
        // While it stalls, other requests are served.
        let health = try await server.json("/healthz")
        #expect(health["status"] == "ok")

        let reply = try await connection.readUntilClosed(limit: .seconds(20))
        let elapsed = ContinuousClock.now - started
        #expect(reply.hasPrefix("HTTP/1.1 408"), "\(reply)")
        #expect(reply.contains("did not arrive within 1.0 seconds"), "\(reply)")
        #expect(elapsed >= .seconds(0.9))
        #expect(elapsed < .seconds(10), "the connection was held for \(elapsed)")

        let second = try git.commit(
            ["apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: "after the stall")],
            message: "After")
        let response = try await server.deliver(
            .github, WebhookPushPayloads.push(.github, repository: git.url, after: second))
        #expect(response.status == 202)
        try await server.waitForRevision(second)
        await server.stop()
    }

    /// A body announced larger than the limit is refused at once without reading it.
    @Test func anAnnouncedOversizedBodyIsRefusedWithoutReadingIt() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await WebhookHarness.start(git: git, providers: [.github], maxBodyBytes: 1024)
        let connection = try WebhookRawConnection(port: server.port)
        try connection.send(
            "POST /api/v1/webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nX-GitHub-Event: push\r\n"
                + "Content-Length: 10000000\r\n\r\n{")
        let reply = try await connection.readUntilClosed(limit: .seconds(10))
        #expect(reply.hasPrefix("HTTP/1.1 413"), "\(reply)")
        #expect(reply.contains("larger than 1024 bytes"))
        await server.stop()
    }

    /// A chunked body (no length up front) is refused as soon as it passes the limit, and no more of it is read.
    @Test func aChunkedBodyIsCutOffWhenItPassesTheLimit() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await WebhookHarness.start(git: git, providers: [.github], maxBodyBytes: 1024)
        let connection = try WebhookRawConnection(port: server.port)
        try connection.send(
            "POST /api/v1/webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nX-GitHub-Event: push\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n800\r\n" + String(repeating: "x", count: 2048) + "\r\n")
        let reply = try await connection.readUntilClosed(limit: .seconds(10))
        #expect(reply.hasPrefix("HTTP/1.1 413"), "\(reply)")
        #expect(reply.contains("larger than 1024 bytes"))
        await server.stop()
    }
}
