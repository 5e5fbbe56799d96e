import Testing

@testable import CapstanWebhooks

@Suite struct ProviderNamesTests {
    @Test func providersAreNamedAsInTheirEndpoints() {
        #expect(WebhookProvider.allCases.map(\.rawValue) == ["github", "gitlab", "gitea", "generic"])
    }
}
