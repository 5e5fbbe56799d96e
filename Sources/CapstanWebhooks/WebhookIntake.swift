import Synchronization

/// The whole intake of one delivery once its body is read: the provider's secret, the signature over the raw
/// body, the payload, and de-duplication by delivery id, in that order. Safe to share between requests.
public final class WebhookIntake: Sendable {
    public let secrets: WebhookSecrets
    private let deliveries: Mutex<DeliveryLog>

    public init(secrets: WebhookSecrets, rememberedDeliveries: Int = 1000) {
        self.secrets = secrets
        self.deliveries = Mutex(DeliveryLog(capacity: rememberedDeliveries))
    }

    /// 404 when the provider has no secret (its endpoint is closed); check this before reading the body.
    public func endpointRejection(_ provider: WebhookProvider) -> WebhookRejection? {
        secrets[provider] == nil ? .notConfigured(provider) : nil
    }

    /// What to do with a delivery: verified before anything is parsed; a delivery id seen recently is
    /// ignored as a duplicate.
    public func evaluate(_ provider: WebhookProvider, headers: WebhookHeaders, body: [UInt8]) -> WebhookDecision {
        guard let secret = secrets[provider] else { return .rejected(.notConfigured(provider)) }
        if let rejection = WebhookVerifier.verify(provider, secret: secret, headers: headers, body: body) {
            return .rejected(rejection)
        }
        let decision = WebhookPayload.parse(provider, headers: headers, body: body)
        guard case .accepted(let hint) = decision, let id = hint.deliveryID else { return decision }
        let isNew = deliveries.withLock { $0.record(provider.rawValue + ":" + id) }
        return isNew ? decision : .ignored("duplicate delivery \(id)")
    }
}
