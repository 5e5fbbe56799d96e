import Testing

@testable import CapstanWebhooks

@Suite struct SignatureTests {
    let secret = Array("It's a Secret to Everybody".utf8)
    let body = Array("Hello, World!".utf8)
    let vector = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"

    @Test func githubDocumentationVector() {
        #expect(WebhookVerifier.signature(secret: secret, body: body) == vector)
        let headers: WebhookHeaders = ["X-Hub-Signature-256": "sha256=" + vector]
        #expect(WebhookVerifier.verify(.github, secret: secret, headers: headers, body: body) == nil)
    }

    @Test func hexMayBeUpperCaseAndHeaderNamesAnyCase() {
        let headers: WebhookHeaders = ["x-hub-signature-256": "sha256=" + vector.uppercased()]
        #expect(WebhookVerifier.verify(.github, secret: secret, headers: headers, body: body) == nil)
        let gitea: WebhookHeaders = ["X-GITEA-SIGNATURE": vector.uppercased()]
        #expect(WebhookVerifier.verify(.gitea, secret: secret, headers: gitea, body: body) == nil)
    }

    @Test func eachProviderAcceptsItsOwnForm() {
        let accepted: [(WebhookProvider, WebhookHeaders)] = [
            (.github, ["X-Hub-Signature-256": "sha256=" + vector]),
            (.gitea, ["X-Gitea-Signature": vector]),
            (.gitea, ["X-Forgejo-Signature": vector]),
            (.generic, ["X-Signature": "sha256=" + vector]),
            (.gitlab, ["X-Gitlab-Token": "It's a Secret to Everybody"]),
        ]
        for (provider, headers) in accepted {
            #expect(WebhookVerifier.verify(provider, secret: secret, headers: headers, body: body) == nil)
        }
    }

    @Test func aChangedBodyFails() {
        let headers: WebhookHeaders = ["X-Hub-Signature-256": "sha256=" + vector]
        let rejection = WebhookVerifier.verify(.github, secret: secret, headers: headers, body: body + [0x20])
        #expect(rejection?.status == 401)
        #expect(rejection?.message.contains("does not match") == true)
    }

    @Test(arguments: [
        ("X-Hub-Signature-256", "", "must have the form"),
        ("X-Hub-Signature-256", "sha256=", "must have the form"),
        ("X-Hub-Signature-256", "sha1=" + String(repeating: "a", count: 40), "must have the form"),
        (
            "X-Hub-Signature-256", "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "must have the form"
        ),
        (
            "X-Hub-Signature-256", "sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "must have the form"
        ),
        (
            "X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1",
            "must have the form"
        ),
        ("X-Hub-Signature-256", "sha256=" + String(repeating: "ab", count: 4096), "must have the form"),
        ("X-Hub-Signature-256", "sha256=" + String(repeating: "0", count: 64), "does not match"),
        ("X-Hub-Signature", "sha1=" + String(repeating: "a", count: 40), "missing X-Hub-Signature-256"),
    ])
    func malformedOrWrongGitHubSignaturesAre401(header: String, value: String, expected: String) {
        let rejection = WebhookVerifier.verify(.github, secret: secret, headers: [header: value], body: body)
        #expect(rejection?.status == 401)
        #expect(rejection?.message.contains(expected) == true, "\(rejection?.message ?? "accepted")")
    }

    @Test(arguments: ["", "It's a Secret", "It's a Secret to Everybody!", "it's a secret to everybody", "x"])
    func gitlabTokensOfAnyLengthThatDifferAre401(token: String) {
        let rejection = WebhookVerifier.verify(.gitlab, secret: secret, headers: ["X-Gitlab-Token": token], body: body)
        #expect(rejection?.status == 401)
    }

    @Test func missingHeadersAre401NamingTheHeader() {
        for provider in WebhookProvider.allCases {
            let rejection = WebhookVerifier.verify(provider, secret: secret, headers: [:], body: body)
            #expect(rejection == .unauthorized("missing \(provider.signatureHeader) header"))
        }
    }

    @Test func genericNeedsThePrefixAndGiteaAcceptsIt() {
        let bare = WebhookVerifier.verify(.generic, secret: secret, headers: ["X-Signature": vector], body: body)
        #expect(bare?.status == 401)
        let prefixed = WebhookVerifier.verify(
            .gitea, secret: secret, headers: ["X-Gitea-Signature": "sha256=" + vector], body: body)
        #expect(prefixed == nil)
    }

    @Test func messagesNeverContainTheSecretOrTheExpectedSignature() {
        let wrong: WebhookHeaders = ["X-Hub-Signature-256": "sha256=" + String(repeating: "1", count: 64)]
        let message = WebhookVerifier.verify(.github, secret: secret, headers: wrong, body: body)?.message ?? ""
        #expect(!message.contains(vector))
        #expect(!message.contains("Everybody"))
        let token = WebhookVerifier.verify(.gitlab, secret: secret, headers: ["X-Gitlab-Token": "nope"], body: body)
        #expect(token?.message.contains("Everybody") == false)
    }

    @Test func constantTimeEqualityHandlesDifferentLengths() {
        #expect(ConstantTime.equal([], []))
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equal([1, 2], [1, 2, 3]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equal([], [0]))
    }
}
