import CapstanHTTPClient
import CapstanModel
import CapstanTestSupport
import Testing

@Suite(.serialized) struct WebhookRejectionTests {
    /// Every kind of bad or pointless delivery gets its status and reason, nothing is deployed by them, and the
    /// service keeps working: a good delivery afterwards still deploys.
    @Test func everyBadRequestGetsItsStatusAndTheServiceStaysUp() async throws {
        let git = try GitFixture()
        let first = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let server = try await WebhookHarness.start(
            git: git, providers: [.github, .gitlab, .generic], maxBodyBytes: 4096)
        try await server.waitForRevision(first)
        let second = try git.commit(
            ["apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: "not yet")], message: "Pending")
        let push = WebhookPushPayloads.push(.github, repository: git.url, after: second)

        func expectStatus(
            _ response: HTTPResponse, _ status: Int, _ text: String,
            sourceLocation: Testing.SourceLocation = #_sourceLocation
        ) {
            #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
            #expect(response.text.contains(text), "\(response.text)", sourceLocation: sourceLocation)
            for secret in WebhookHarness.secrets.values {
                #expect(!response.text.contains(secret), sourceLocation: sourceLocation)
            }
        }

        // 401: missing, malformed and wrong signatures, checked before the body is parsed.
        expectStatus(
            try await server.post("github", push, headers: [HTTPHeader("X-GitHub-Event", "push")]), 401,
            "missing X-Hub-Signature-256 header")
        expectStatus(
            try await server.post(
                "github", push,
                headers: [HTTPHeader("X-GitHub-Event", "push"), HTTPHeader("X-Hub-Signature-256", "sha256=xyz")]),
            401, "must have the form")
        let wrongSecret = try WebhookSigner.headers(.github, body: push, secret: "guess")
        expectStatus(try await server.post("github", push, headers: wrongSecret), 401, "does not match")
        let signedOtherBody = try WebhookSigner.headers(.github, body: push + " ")
        expectStatus(try await server.post("github", push, headers: signedOtherBody), 401, "does not match")
        expectStatus(
            try await server.post("github", "{not json", headers: wrongSecret), 401, "does not match")
        expectStatus(
            try await server.post(
                "gitlab", WebhookPushPayloads.push(.gitlab, repository: git.url, after: second),
                headers: [HTTPHeader("X-Gitlab-Event", "Push Hook"), HTTPHeader("X-Gitlab-Token", "gitlab-token")]),
            401, "X-Gitlab-Token does not match")
        let bareHex = try WebhookSigner.hmac(WebhookHarness.secrets[.generic]!, push)
        expectStatus(
            try await server.post("generic", push, headers: [HTTPHeader("X-Signature", bareHex)]), 401,
            "must have the form sha256=")

        // 404: a provider without a secret is closed, whatever is sent; an unknown provider does not exist.
        let gitea = WebhookPushPayloads.push(.gitea, repository: git.url, after: second)
        expectStatus(
            try await server.post("gitea", gitea, headers: try WebhookSigner.headers(.gitea, body: gitea)), 404,
            "webhook provider gitea is not configured")
        expectStatus(try await server.post("bitbucket", push, headers: []), 404, "unknown webhook provider")

        // 413: larger than maxBodyBytes (4096 here), refused before verification.
        let huge = "{\"padding\": \"" + String(repeating: "x", count: 5000) + "\"}"
        expectStatus(try await server.deliver(.github, huge), 413, "larger than 4096 bytes")

        // 400: signed, but not a push payload.
        expectStatus(try await server.deliver(.github, "{not json"), 400, "not valid JSON")
        expectStatus(try await server.deliver(.github, "[]"), 400, "must be a JSON object")
        expectStatus(
            try await server.deliver(.github, #"{"ref": "refs/heads/main"}"#), 400, #"field \"repository\" is required"#
        )
        expectStatus(
            try await server.deliver(.github, #"{"ref": "refs/heads/main", "repository": {"clone_url": ""}}"#), 400,
            #"field \"repository.clone_url\" must not be empty"#)
        expectStatus(
            try await server.deliver(.generic, #"{"repository": "", "branch": "main"}"#), 400,
            #"field \"repository\" must not be empty"#)
        expectStatus(
            try await server.deliver(.generic, #"{"repository": 42, "branch": "main"}"#), 400,
            #"field \"repository\" must be a string, got number"#)
        expectStatus(
            try await server.deliver(.generic, #"{"repository": "\#(git.url)"}"#), 400,
            #"field \"ref\" or \"branch\" is required"#)
        expectStatus(
            try await server.post(
                "github", push, headers: Array(try WebhookSigner.headers(.github, body: push).dropFirst())),
            400, "missing X-GitHub-Event header")

        // 202 ignored: nothing to deploy, and the sender should not retry.
        let deletion = WebhookPushPayloads.push(.github, repository: git.url, after: WebhookPushPayloads.zero)
        let tag = WebhookPushPayloads.push(.github, repository: git.url, ref: "refs/tags/v1", after: second)
        let tagHook = WebhookPushPayloads.push(.gitlab, repository: git.url, ref: "refs/tags/v1", after: second)
        let ignored: [(HTTPResponse, String)] = [
            (try await server.deliver(.github, deletion), "branch main was deleted"),
            (try await server.deliver(.github, tag), "ref refs/tags/v1 is a tag; only branch pushes are deployed"),
            (try await server.deliver(.gitlab, tagHook, event: "Tag Push Hook"), "tag pushes are not deployed"),
            (
                try await server.deliver(.github, #"{"zen": "Design for failure.", "hook_id": 1}"#, event: "ping"),
                "ping"
            ),
            (try await server.deliver(.github, "{}", event: "issues"), "event issues is not handled"),
        ]
        for (response, reason) in ignored {
            #expect(response.status == 202, "\(response.text)")
            let answer = try JSONParser.parse(response.body)
            #expect(answer["accepted"] == false)
            #expect(answer["reason"] == .string(reason))
        }
        var app = try await server.json("/api/v1/apps/guestbook")
        #expect(app[path: ["sync", "revision"]] == .string(first), "a refused or ignored delivery deployed something")

        // A good delivery still works; its redelivery is a duplicate.
        let good = try await server.deliver(.github, push, delivery: "d-42")
        #expect(good.status == 202, "\(good.text)")
        #expect(try JSONParser.parse(good.body)["apps"] == ["guestbook"])
        app = try await server.waitForRevision(second)
        #expect(app[path: ["sync", "status"]] == "Synced")
        let again = try await server.deliver(.github, push, delivery: "d-42")
        #expect(again.status == 202)
        #expect(try JSONParser.parse(again.body)["reason"] == "duplicate delivery d-42")
        let health = try await server.json("/healthz")
        #expect(health["status"] == "ok")
        await server.stop()
    }
}
