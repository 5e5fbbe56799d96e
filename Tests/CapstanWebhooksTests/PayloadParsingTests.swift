import Testing

@testable import CapstanWebhooks

@Suite struct PayloadParsingTests {
    func parse(_ provider: WebhookProvider, _ body: String, headers: [(String, String)]? = nil) -> WebhookDecision {
        let fields = headers ?? SamplePayloads.pushHeaders(provider.rawValue)
        return WebhookPayload.parse(provider, headers: WebhookHeaders(fields), body: Array(body.utf8))
    }

    @Test func githubPush() {
        let headers = SamplePayloads.pushHeaders("github") + [("X-GitHub-Delivery", "72d3162e-cc78-11e3")]
        let decision = parse(.github, SamplePayloads.github(), headers: headers)
        #expect(
            decision
                == .accepted(
                    PushHint(
                        provider: .github,
                        repositoryURLs: [
                            "https://github.com/octo/shop.git", "git@github.com:octo/shop.git",
                            "https://github.com/octo/shop", "git://github.com/octo/shop.git",
                        ],
                        branch: "main", after: SamplePayloads.commit, deliveryID: "72d3162e-cc78-11e3")))
    }

    @Test func gitlabPush() throws {
        let headers = SamplePayloads.pushHeaders("gitlab") + [("X-Gitlab-Event-UUID", "13792a34")]
        guard
            case .accepted(let hint) = parse(
                .gitlab, SamplePayloads.gitlab(ref: "refs/heads/release/v2"), headers: headers)
        else {
            Issue.record("not accepted")
            return
        }
        #expect(hint.branch == "release/v2")
        #expect(hint.deliveryID == "13792a34")
        #expect(hint.after == SamplePayloads.commit)
        #expect(hint.repositoryKeys == ["gitlab.example.com/Octo/Shop"])
    }

    @Test func giteaAndForgejoPush() {
        for event in [("X-Gitea-Event", "push"), ("X-Forgejo-Event", "push")] {
            guard
                case .accepted(let hint) = parse(
                    .gitea, SamplePayloads.gitea(), headers: [event, ("X-Gitea-Delivery", "d1")])
            else {
                Issue.record("not accepted with \(event.0)")
                continue
            }
            #expect(hint.branch == "main")
            #expect(hint.deliveryID == "d1")
            // original_url is "" for a repository that is not a mirror: skipped, not an error.
            #expect(hint.repositoryKeys == ["gitea.local:3000/octo/shop", "gitea.local:2222/octo/shop"])
        }
    }

    @Test(
        arguments: [
            (#"{"repository": "file:///srv/git/shop.git", "ref": "refs/heads/main", "after": "abc"}"#, "main", "abc"),
            (#"{"repository": "/srv/git/shop.git", "branch": "main"}"#, "main", nil),
            (#"{"repository": "/srv/git/shop.git", "ref": "feature/x"}"#, "feature/x", nil),
            (#"{"repository": "/srv/git/shop.git", "ref": "refs/heads/a", "branch": "a"}"#, "a", nil),
        ] as [(String, String, String?)])
    func genericPush(body: String, branch: String, after: String?) {
        guard case .accepted(let hint) = parse(.generic, body, headers: [("X-Delivery-ID", "7")]) else {
            Issue.record("not accepted: \(body)")
            return
        }
        #expect(hint.branch == branch)
        #expect(hint.after == after)
        #expect(hint.deliveryID == "7")
        #expect(hint.repositoryKeys.count == 1)
    }

    @Test(arguments: [
        (WebhookProvider.github, "{", "not valid JSON"),
        (.github, "payload=%7B%7D", "set the content type to application/json"),
        (.github, "[1, 2]", "must be a JSON object, got array"),
        (.github, #"{"ref": "refs/heads/main"}"#, #"field "repository" is required"#),
        (.github, #"{"ref": "refs/heads/main", "repository": "shop"}"#, #"field "repository" must be an object"#),
        (.github, #"{"ref": "refs/heads/main", "repository": {}}"#, #"field "repository.clone_url" is required"#),
        (
            .github, #"{"ref": "refs/heads/main", "repository": {"clone_url": ""}}"#,
            #""repository.clone_url" must not be empty"#
        ),
        (
            .github, #"{"ref": "refs/heads/main", "repository": {"clone_url": 7}}"#,
            #""repository.clone_url" must be a string, got number"#
        ),
        (.github, #"{"repository": {"clone_url": "https://h/o/r"}}"#, #"field "ref" is required"#),
        (.github, #"{"ref": 1, "repository": {"clone_url": "https://h/o/r"}}"#, #"field "ref" must be a string"#),
        (.github, #"{"ref": "refs/heads/", "repository": {"clone_url": "https://h/o/r"}}"#, "names no branch"),
        (
            .github, #"{"ref": "refs/heads/main", "after": 5, "repository": {"clone_url": "https://h/o/r"}}"#,
            #"field "after" must be a string"#
        ),
        (
            .github, #"{"ref": "refs/heads/main", "deleted": "no", "repository": {"clone_url": "https://h/o/r"}}"#,
            #"field "deleted" must be a boolean"#
        ),
        (.gitlab, #"{"ref": "refs/heads/main", "project": {}}"#, #"field "project.git_http_url" is required"#),
        (.gitlab, #"{"ref": "refs/heads/main", "project": []}"#, #"field "project" must be an object"#),
        (
            .gitea, #"{"ref": "refs/heads/main", "repository": {"clone_url": "  "}}"#,
            #""repository.clone_url" must not be empty"#
        ),
        (.generic, #"{"ref": "refs/heads/main"}"#, #"field "repository" is required"#),
        (.generic, #"{"repository": "", "ref": "refs/heads/main"}"#, #"field "repository" must not be empty"#),
        (
            .generic, #"{"repository": ["a"], "ref": "refs/heads/main"}"#,
            #"field "repository" must be a string, got array"#
        ),
        (.generic, #"{"repository": "/srv/shop"}"#, #"field "ref" or "branch" is required"#),
        (.generic, #"{"repository": "/srv/shop", "ref": ""}"#, #"field "ref" must not be empty"#),
        (.generic, #"{"repository": "/srv/shop", "ref": "refs/heads/a", "branch": "b"}"#, "disagree"),
    ])
    func malformedPayloadsAre400NamingTheField(provider: WebhookProvider, body: String, expected: String) {
        let decision = parse(provider, body)
        guard case .rejected(let rejection) = decision else {
            Issue.record("expected a 400 for \(body), got \(decision)")
            return
        }
        #expect(rejection.status == 400)
        #expect(rejection.message.contains(expected), "\(rejection.message)")
    }

    @Test(arguments: [
        (
            WebhookProvider.github, SamplePayloads.github(after: SamplePayloads.zero), [("X-GitHub-Event", "push")],
            "branch main was deleted"
        ),
        (.github, SamplePayloads.github(deleted: true), [("X-GitHub-Event", "push")], "branch main was deleted"),
        (
            .github, SamplePayloads.github(ref: "refs/tags/v1.0"), [("X-GitHub-Event", "push")],
            "ref refs/tags/v1.0 is a tag; only branch pushes are deployed"
        ),
        (.github, #"{"zen": "Keep it logically awesome.", "hook_id": 1}"#, [("X-GitHub-Event", "ping")], "ping"),
        (.github, "{}", [("X-GitHub-Event", "issues")], "event issues is not handled"),
        (.github, "not even json", [("X-GitHub-Event", "star")], "event star is not handled"),
        (
            .gitlab, SamplePayloads.gitlab(ref: "refs/tags/v1"), [("X-Gitlab-Event", "Tag Push Hook")],
            "tag pushes are not deployed"
        ),
        (
            .gitlab, SamplePayloads.gitlab(after: String(repeating: "0", count: 64)), [("X-Gitlab-Event", "Push Hook")],
            "branch main was deleted"
        ),
        (.gitlab, "{}", [("X-Gitlab-Event", "Merge Request Hook")], "event Merge Request Hook is not handled"),
        (
            .gitea, SamplePayloads.gitea(ref: "refs/tags/v2"), [("X-Gitea-Event", "push")],
            "ref refs/tags/v2 is a tag; only branch pushes are deployed"
        ),
        (.gitea, "{}", [("X-Gitea-Event", "create")], "event create is not handled"),
        (
            .generic, #"{"repository": "/srv/shop", "ref": "refs/notes/commits"}"#, [],
            "ref refs/notes/commits is not a branch"
        ),
        (
            .generic, #"{"repository": "/srv/shop", "branch": "main", "after": "0000000"}"#, [],
            "branch main was deleted"
        ),
    ])
    func deliveriesThatNeedNoActionAreIgnoredWithAReason(
        provider: WebhookProvider, body: String, headers: [(String, String)], reason: String
    ) {
        #expect(parse(provider, body, headers: headers) == .ignored(reason))
    }

    @Test func aMissingEventHeaderIs400() {
        for provider in [WebhookProvider.github, .gitlab, .gitea] {
            guard case .rejected(let rejection) = parse(provider, "{}", headers: []) else {
                Issue.record("\(provider) accepted a delivery without an event header")
                continue
            }
            #expect(rejection.status == 400)
            #expect(rejection.message.hasPrefix("missing X-"))
        }
    }

    @Test func deeplyNestedOrHugeInputsAreRejectedNotCrashed() {
        let nested = String(repeating: "[", count: 100_000)
        guard case .rejected(let rejection) = parse(.generic, nested) else {
            Issue.record("accepted")
            return
        }
        #expect(rejection.status == 400)
        let binary = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let decision = WebhookPayload.parse(.generic, headers: [:], body: binary)
        if case .rejected(let rejection) = decision {
            #expect(rejection.status == 400)
        } else {
            Issue.record("accepted")
        }
    }
}
