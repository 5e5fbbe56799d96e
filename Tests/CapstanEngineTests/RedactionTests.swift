import CapstanEngine
import CapstanModel
import Foundation
import Testing

/// Secret values never appear in differences, descriptions or anything else the engine renders.
struct RedactionTests {
    static let canary = "canary-7f3e-do-not-print"
    static var canaryBase64: String { Data(canary.utf8).base64EncodedString() }

    /// Every text the engine can produce about a plan, including debug dumps.
    static func everything(_ plan: SyncPlan) -> String {
        var dumped = ""
        dump(plan, to: &dumped)
        return [
            plan.description, String(describing: plan), String(reflecting: plan), dumped,
            plan.changes.map(\.description).joined(separator: "\n"),
            plan.changes.flatMap(\.differences).map { "\($0.description) \($0.desired ?? "") \($0.live ?? "")" }.joined(
                separator: "\n"),
            plan.changes.compactMap(\.desired).map { "\($0) \(String(reflecting: $0))" }.joined(separator: "\n"),
        ].joined(separator: "\n")
    }

    static func expectNoCanary(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!text.contains(canary), sourceLocation: sourceLocation)
        #expect(!text.contains(canaryBase64), sourceLocation: sourceLocation)
        #expect(!text.contains(String(canaryBase64.dropLast(2))), sourceLocation: sourceLocation)
    }

    /// (desired, live) pairs of a Secret where the canary is on one side of a difference.
    static let pairs: [(String, Resource, Resource)] = [
        (
            "desired stringData, live old data",
            TestResources.secret("db", stringData: ["password": canary]),
            TestResources.secret("db", data: ["password": "b2xk"])
        ),
        (
            "desired data, live canary",
            TestResources.secret("db", data: ["password": "b2xk"]),
            TestResources.secret("db", data: ["password": canaryBase64])
        ),
        (
            "desired canary, live lacks the key",
            TestResources.secret("db", data: ["password": canaryBase64]),
            TestResources.secret("db", data: ["user": "YQ=="])
        ),
        (
            "live has an extra, desired none", TestResources.secret("db", data: ["password": canaryBase64]),
            {
                var s = TestResources.secret("db")
                s.value["data"] = .string(canaryBase64)
                return s
            }()
        ),
    ]

    @Test(arguments: 0..<4)
    func secretDifferencesAreRedacted(index: Int) {
        let (_, desiredSecret, live) = Self.pairs[index]
        let desired = TestResources.desired(desiredSecret)
        let differences = ResourceDiffer.differences(desired: desired.resource, live: live)
        #expect(!differences.isEmpty)
        #expect(differences.allSatisfy { $0.isRedacted && $0.desired == nil && $0.live == nil })
        #expect(differences.allSatisfy { $0.description.contains("(secret value") })
        Self.expectNoCanary(differences.map(\.description).joined())
    }

    @Test(arguments: 0..<4)
    func plansAboutSecretsNeverShowTheValue(index: Int) {
        let (_, desiredSecret, live) = Self.pairs[index]
        let desired = TestResources.desired(desiredSecret)
        let entry = InventoryEntry(key: desired.key, appliedHash: desired.hash, revision: "c0ffee")
        let drifted = SyncPlanner.plan(
            desired: [desired], live: [desired.key: live], inventory: [desired.key: entry], options: SyncOptions())
        let adopted = SyncPlanner.plan(
            desired: [desired], live: [desired.key: live], inventory: [:], options: SyncOptions())
        let created = SyncPlanner.plan(desired: [desired], live: [:], inventory: [:], options: SyncOptions())
        #expect(drifted.changes.first?.reason == .drift)
        #expect(drifted.changes.first?.description.contains("(secret value") == true)
        for plan in [drifted, adopted, created] { Self.expectNoCanary(Self.everything(plan)) }
    }

    @Test func aFieldDifferenceMarkedRedactedDropsItsValues() {
        let difference = FieldDifference(
            path: "data.password", kind: .changed, desired: Self.canary, live: Self.canary, isRedacted: true)
        #expect(difference.desired == nil && difference.live == nil)
        #expect(difference.description == "data.password: (secret value changed)")
    }

    /// The redaction is for Secret data only: other fields of a Secret, and ConfigMaps, show values.
    @Test func onlySecretDataIsRedacted() {
        var desired = TestResources.secret("db", data: ["password": "b2xk"])
        desired.labels = ["tier": "db"]
        var live = TestResources.secret("db", data: ["password": "bmV3"])
        live.labels = ["tier": "cache"]
        let differences = ResourceDiffer.differences(desired: desired, live: live)
        #expect(differences.map(\.path) == ["data.password", "metadata.labels.tier"])
        #expect(differences.map(\.isRedacted) == [true, false])
        #expect(differences.last?.live == #""cache""#)

        let config = ResourceDiffer.differences(
            desired: TestResources.configMap("c", data: ["mode": "a"]),
            live: TestResources.configMap("c", data: ["mode": "b"]))
        #expect(config.map(\.live) == [#""b""#])
    }
}
