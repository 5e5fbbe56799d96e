import CapstanModel
import CapstanNotifications
import CapstanStore
import Testing

/// Provider settings are checked up front, and printing a provider never shows its URL path or secret.
@Suite struct ProviderValidationTests {
    @Test(
        arguments: [
            ("", NotificationProviderKind.generic, "http://127.0.0.1/", nil, "name must be non-empty"),
            ("x", .generic, "ftp://127.0.0.1/hook", nil, "must be an absolute http:// or https:// URL"),
            ("x", .generic, "127.0.0.1:9000/hook", nil, "must be an absolute http:// or https:// URL"),
            ("x", .slack, "https:///services/T/B/C", nil, "must be an absolute http:// or https:// URL"),
            ("x", .genericHMAC, "http://127.0.0.1/", nil, "needs a non-empty secret"),
            ("x", .genericHMAC, "http://127.0.0.1/", "", "needs a non-empty secret"),
        ] as [(String, NotificationProviderKind, String, String?, String)])
    func invalidProvidersAreRejected(
        name: String, kind: NotificationProviderKind, url: String, secret: String?, problem: String
    ) {
        #expect {
            try TestEvents.provider(name, kind, url: url, secret: secret)
        } throws: { error in
            (error as? NotificationConfigurationError)?.problem.contains(problem) == true
        }
    }

    @Test func printingAProviderHidesItsCredentials() throws {
        let provider = try TestEvents.provider(
            "chat", .genericHMAC, url: "https://user:pw@hooks.example.com:8443/services/T1/B2/S3CRET?x=S3CRET",
            secret: "hmac-S3CRET")
        var dumped = ""
        dump(provider, to: &dumped)
        for text in [String(describing: provider), String(reflecting: provider), "\(provider)", dumped] {
            #expect(!text.contains("S3CRET"))
            #expect(!text.contains("pw"))
        }
        #expect(provider.description == "chat (generic-hmac, https://hooks.example.com:8443/…)")
    }

    @Test func providerNamesMustBeUnique() throws {
        let store = try StateStore()
        let providers = [
            try TestEvents.provider("ops", url: "http://127.0.0.1:9/a"),
            try TestEvents.provider("ops", url: "http://127.0.0.1:9/b"),
        ]
        #expect(throws: NotificationConfigurationError.self) {
            try Notifier(providers: providers, store: store, client: .init(), logger: .init(label: "test"))
        }
    }
}
