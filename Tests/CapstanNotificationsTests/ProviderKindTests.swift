import Testing

@testable import CapstanNotifications

@Suite struct ProviderKindTests {
    @Test func kindsAreNamedAsInTheConfiguration() {
        #expect(NotificationProviderKind.allCases.map(\.rawValue) == ["generic", "generic-hmac", "slack"])
    }
}
