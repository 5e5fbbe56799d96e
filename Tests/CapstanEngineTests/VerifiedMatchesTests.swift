import CapstanModel
import Testing

@testable import CapstanEngine

@Suite struct VerifiedMatchesTests {
    static func versioned(_ resource: Resource, _ version: String) -> Resource {
        var live = TestResources.live(resource)
        live.value[path: ["metadata", "resourceVersion"]] = .string(version)
        return live
    }

    static let web = TestResources.deployment("web")
    static let desired = TestResources.desired(web)
    static let inventory = [desired.key: InventoryEntry(key: desired.key, appliedHash: desired.hash, revision: "r1")]

    @Test func aPlanRemembersWhatMatchedAtWhichVersion() {
        let plan = SyncPlanner.plan(
            desired: [Self.desired], live: [Self.desired.key: Self.versioned(Self.web, "7")],
            inventory: Self.inventory, options: SyncOptions())
        #expect(plan.isSynced)
        #expect(plan.verified.count == 1)
        #expect(
            plan.verified.stillMatches(Self.desired.key, hash: Self.desired.hash, live: Self.versioned(Self.web, "7")))
    }

    @Test func theSameVersionIsTrustedWithoutComparing() {
        let first = SyncPlanner.plan(
            desired: [Self.desired], live: [Self.desired.key: Self.versioned(Self.web, "7")],
            inventory: Self.inventory, options: SyncOptions())
        // Same resourceVersion with different content cannot happen in a real backend; it proves no walk ran.
        var tampered = Self.versioned(Self.web, "7")
        tampered.value[path: ["spec", "replicas"]] = 9
        let second = SyncPlanner.plan(
            desired: [Self.desired], live: [Self.desired.key: tampered],
            inventory: Self.inventory, options: SyncOptions(), verified: first.verified)
        #expect(second.isSynced)
    }

    @Test func aNewVersionIsComparedAgainAndDriftFound() {
        let first = SyncPlanner.plan(
            desired: [Self.desired], live: [Self.desired.key: Self.versioned(Self.web, "7")],
            inventory: Self.inventory, options: SyncOptions())
        var drifted = Self.versioned(Self.web, "8")
        drifted.value[path: ["spec", "replicas"]] = 9
        let second = SyncPlanner.plan(
            desired: [Self.desired], live: [Self.desired.key: drifted],
            inventory: Self.inventory, options: SyncOptions(), verified: first.verified)
        #expect(second.changes.first?.reason == .drift)
        #expect(second.verified.count == 0)
    }

    @Test func aNewManifestIsNeverTrustedFromAnOldMatch() {
        let first = SyncPlanner.plan(
            desired: [Self.desired], live: [Self.desired.key: Self.versioned(Self.web, "7")],
            inventory: Self.inventory, options: SyncOptions())
        let changed = TestResources.desired(TestResources.deployment("web", replicas: 5))
        let second = SyncPlanner.plan(
            desired: [changed], live: [Self.desired.key: Self.versioned(Self.web, "7")],
            inventory: Self.inventory, options: SyncOptions(), verified: first.verified)
        #expect(second.changes.first?.reason == .manifestChanged)
    }

    @Test func objectsWithoutAVersionAreAlwaysCompared() {
        var unversioned = TestResources.live(Self.web)
        unversioned.value[path: ["metadata", "resourceVersion"]] = nil
        let plan = SyncPlanner.plan(
            desired: [Self.desired], live: [Self.desired.key: unversioned],
            inventory: Self.inventory, options: SyncOptions())
        #expect(plan.isSynced)
        #expect(plan.verified.count == 0)
    }
}
