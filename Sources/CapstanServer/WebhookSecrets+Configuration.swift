import CapstanConfig
import CapstanWebhooks

extension WebhookSecrets {
    /// The secrets and limits of the `webhooks:` configuration; secret files are read now, so a missing or
    /// empty one stops start-up (the error names the file, never a value).
    init(_ configuration: WebhookConfiguration) throws {
        self.init(maxBodyBytes: configuration.maxBodyBytes, readTimeout: configuration.readTimeout)
        for provider in WebhookProvider.allCases {
            guard let reference = configuration.secrets[provider.rawValue] else { continue }
            self[provider] = try reference.read(for: "webhooks.\(provider.rawValue)")
        }
    }
}
