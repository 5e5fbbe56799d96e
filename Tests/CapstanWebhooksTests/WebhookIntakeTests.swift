import Testing

@testable import CapstanWebhooks

@Suite struct WebhookIntakeTests {
    let intake = WebhookIntake(
        secrets: WebhookSecrets([.github: Array("s3cret".utf8), .generic: Array("other".utf8)]))

    func signed(_ body: String, secret: String = "s3cret", delivery: String? = nil) -> WebhookHeaders {
        var fields = [
            ("X-GitHub-Event", "push"),
            (
                "X-Hub-Signature-256",
                "sha256=" + WebhookVerifier.signature(secret: Array(secret.utf8), body: Array(body.utf8))
            ),
        ]
        if let delivery { fields.append(("X-GitHub-Delivery", delivery)) }
        return WebhookHeaders(fields)
    }

    @Test func aProviderWithoutSecretIsClosed() {
        #expect(intake.endpointRejection(.gitlab) == .notConfigured(.gitlab))
        #expect(intake.endpointRejection(.github) == nil)
        let decision = intake.evaluate(.gitlab, headers: ["X-Gitlab-Token": ""], body: [])
        #expect(
            decision == .rejected(WebhookRejection(status: 404, message: "webhook provider gitlab is not configured")))
    }

    @Test func anEmptySecretCountsAsNone() {
        let secrets = WebhookSecrets([.gitea: []])
        #expect(secrets.configuredProviders.isEmpty)
        let decision = WebhookIntake(secrets: secrets).evaluate(.gitea, headers: ["X-Gitea-Signature": ""], body: [])
        #expect(decision == .rejected(.notConfigured(.gitea)))
    }

    @Test func verificationComesBeforeParsing() {
        let body = "this is not JSON"
        let unsigned = intake.evaluate(.github, headers: ["X-GitHub-Event": "push"], body: Array(body.utf8))
        #expect(unsigned == .rejected(.unauthorized("missing X-Hub-Signature-256 header")))
        let wrongSecret = intake.evaluate(.github, headers: signed(body, secret: "other"), body: Array(body.utf8))
        guard case .rejected(let rejection) = wrongSecret else {
            Issue.record("accepted")
            return
        }
        #expect(rejection.status == 401)
        let signedGarbage = intake.evaluate(.github, headers: signed(body), body: Array(body.utf8))
        guard case .rejected(let parsed) = signedGarbage else {
            Issue.record("accepted")
            return
        }
        #expect(parsed.status == 400)
    }

    @Test func aRepeatedDeliveryIdIsIgnored() {
        let body = SamplePayloads.github()
        let first = intake.evaluate(.github, headers: signed(body, delivery: "d-1"), body: Array(body.utf8))
        guard case .accepted(let hint) = first else {
            Issue.record("first delivery not accepted: \(first)")
            return
        }
        #expect(hint.deliveryID == "d-1")
        let again = intake.evaluate(.github, headers: signed(body, delivery: "d-1"), body: Array(body.utf8))
        #expect(again == .ignored("duplicate delivery d-1"))
        let other = intake.evaluate(.github, headers: signed(body, delivery: "d-2"), body: Array(body.utf8))
        #expect(other == first.with(deliveryID: "d-2"))
        let noID = intake.evaluate(.github, headers: signed(body), body: Array(body.utf8))
        let noIDAgain = intake.evaluate(.github, headers: signed(body), body: Array(body.utf8))
        #expect(noID == noIDAgain)
    }

    @Test func theSameIdFromAnotherProviderIsNotADuplicate() {
        let github = SamplePayloads.github()
        _ = intake.evaluate(.github, headers: signed(github, delivery: "x"), body: Array(github.utf8))
        let generic = SamplePayloads.generic()
        let headers: WebhookHeaders = [
            "X-Signature": "sha256="
                + WebhookVerifier.signature(secret: Array("other".utf8), body: Array(generic.utf8)),
            "X-Delivery-ID": "x",
        ]
        guard case .accepted = intake.evaluate(.generic, headers: headers, body: Array(generic.utf8)) else {
            Issue.record("not accepted")
            return
        }
    }

    @Test func secretsAreNeverDescribed() {
        let secrets = WebhookSecrets([.github: Array("hunter2".utf8)], maxBodyBytes: 4096)
        #expect(secrets.description == "webhooks(github; maxBodyBytes: 4096)")
        #expect(!"\(secrets)".contains("hunter2"))
        #expect(WebhookSecrets().maxBodyBytes == 1_048_576)
        #expect(WebhookSecrets().readTimeout == .seconds(10))
    }
}

extension WebhookDecision {
    func with(deliveryID: String) -> WebhookDecision {
        guard case .accepted(var hint) = self else { return self }
        hint.deliveryID = deliveryID
        return .accepted(hint)
    }
}
