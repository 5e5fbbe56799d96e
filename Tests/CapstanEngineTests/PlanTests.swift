import CapstanEngine
import CapstanModel
import Testing

/// One row of the planner's decision table, for the resource `Deployment/shop/web`.
struct PlanRow: Sendable, CustomTestStringConvertible {
    enum Live: Sendable { case absent, matching, drifted }
    enum Inventory: Sendable { case absent, sameHash, otherHash }

    let name: String
    let inGit: Bool
    let live: Live
    let inventory: Inventory
    var prune = false
    /// Nil when the plan must not mention the resource at all.
    let expected: (PlannedAction, ChangeReason)?
    var testDescription: String { name }
}

/// `SyncPlanner.plan`: what happens to each resource, given git, the cluster and the inventory.
struct PlanTests {
    static let web = TestResources.desired(TestResources.deployment("web", replicas: 2))

    static let rows: [PlanRow] = [
        PlanRow(name: "new in git", inGit: true, live: .absent, inventory: .absent, expected: (.create, .newResource)),
        PlanRow(
            name: "deleted from the cluster behind Capstan's back", inGit: true, live: .absent, inventory: .sameHash,
            expected: (.create, .newResource)),
        PlanRow(
            name: "existing object Capstan never applied", inGit: true, live: .matching, inventory: .absent,
            expected: (.update, .adopted)),
        PlanRow(
            name: "manifest changed in git", inGit: true, live: .matching, inventory: .otherHash,
            expected: (.update, .manifestChanged)),
        PlanRow(
            name: "manifest changed and live drifted", inGit: true, live: .drifted, inventory: .otherHash,
            expected: (.update, .manifestChanged)),
        PlanRow(
            name: "live object drifted", inGit: true, live: .drifted, inventory: .sameHash, expected: (.update, .drift)),
        PlanRow(name: "in sync", inGit: true, live: .matching, inventory: .sameHash, expected: (.unchanged, .none)),
        PlanRow(
            name: "removed from git, prune on", inGit: false, live: .matching, inventory: .sameHash, prune: true,
            expected: (.delete, .removedFromGit)),
        PlanRow(
            name: "removed from git, prune off", inGit: false, live: .matching, inventory: .sameHash,
            expected: (.pruneSkipped, .removedFromGit)),
        PlanRow(
            name: "removed from git and already gone", inGit: false, live: .absent, inventory: .sameHash, prune: true,
            expected: nil),
        PlanRow(
            name: "foreign object, prune on", inGit: false, live: .matching, inventory: .absent, prune: true,
            expected: nil),
    ]

    static func plan(_ row: PlanRow) -> SyncPlan {
        let key = web.key
        var live: [ResourceKey: Resource] = [:]
        switch row.live {
        case .absent: break
        case .matching: live[key] = TestResources.live(web.resource)
        case .drifted: live[key] = TestResources.live(TestResources.deployment("web", replicas: 5))
        }
        var inventory: [ResourceKey: InventoryEntry] = [:]
        switch row.inventory {
        case .absent: break
        case .sameHash: inventory[key] = InventoryEntry(key: key, appliedHash: web.hash, revision: "c0ffee")
        case .otherHash:
            inventory[key] = InventoryEntry(
                key: key, appliedHash: String(repeating: "0", count: 64), revision: "c0ffee")
        }
        return SyncPlanner.plan(
            desired: row.inGit ? [web] : [], live: live, inventory: inventory, options: SyncOptions(prune: row.prune))
    }

    @Test(arguments: rows)
    func decisionTable(_ row: PlanRow) {
        let changes = Self.plan(row).changes
        if let expected = row.expected {
            #expect(changes.map(\.key) == [Self.web.key])
            #expect(changes.first?.action == expected.0)
            #expect(changes.first?.reason == expected.1)
            #expect((changes.first?.desired != nil) == row.inGit)
        } else {
            #expect(changes.isEmpty)
        }
    }

    @Test func driftCarriesTheDifferences() {
        let change = Self.plan(Self.rows.first { $0.live == .drifted && $0.inventory == .sameHash }!).changes[0]
        #expect(change.differences == [FieldDifference(path: "spec.replicas", kind: .changed, desired: "2", live: "5")])
        #expect(change.description == "update Deployment/shop/web (live object drifted: spec.replicas: 5 → 2)")
    }

    @Test(arguments: [(true, SyncStatus.outOfSync), (false, .outOfSync)])
    func skippedPruneKeepsTheAppOutOfSync(prune: Bool, status: SyncStatus) {
        let plan = Self.plan(
            PlanRow(name: "", inGit: false, live: .matching, inventory: .sameHash, prune: prune, expected: nil))
        #expect(plan.syncStatus == status)
        #expect(plan.deletions.count == (prune ? 1 : 0))
        #expect(plan.skippedPrunes.count == (prune ? 0 : 1))
        #expect(plan.applies.isEmpty)
    }

    @Test func aFullySyncedAppIsSynced() {
        let plan = Self.plan(Self.rows.first { $0.name == "in sync" }!)
        #expect(plan.isSynced)
        #expect(plan.syncStatus == .synced)
        #expect(plan.applies.isEmpty && plan.deletions.isEmpty)
        #expect(!plan.isDriftOnly)
    }

    @Test(arguments: [("live object drifted", true), ("manifest changed in git", false), ("new in git", false)])
    func driftOnlyPlans(_ rowName: String, driftOnly: Bool) {
        #expect(Self.plan(Self.rows.first { $0.name == rowName }!).isDriftOnly == driftOnly)
    }

    @Test func foreignLiveObjectsAreNeverTouched() {
        let foreign = TestResources.configMap("someone-elses")
        let live = [foreign.key: foreign, Self.web.key: TestResources.live(Self.web.resource)]
        let inventory = [
            Self.web.key: InventoryEntry(key: Self.web.key, appliedHash: Self.web.hash, revision: "c0ffee")
        ]
        let plan = SyncPlanner.plan(
            desired: [Self.web], live: live, inventory: inventory, options: SyncOptions(prune: true))
        #expect(plan.changes.map(\.key) == [Self.web.key])
        #expect(plan.isSynced)
    }

    @Test func changesComeInApplyOrderThenDeleteOrder() {
        let ns = TestResources.desired(Resource(apiVersion: "v1", kind: "Namespace", name: "shop"))
        let config = TestResources.desired(TestResources.configMap("settings"))
        let oldConfig = ResourceKey(group: "", kind: "ConfigMap", namespace: "shop", name: "old")
        let oldWorker = ResourceKey(group: "apps", kind: "Deployment", namespace: "shop", name: "worker")
        let live = [oldConfig: TestResources.configMap("old"), oldWorker: TestResources.deployment("worker")]
        let inventory = Dictionary(
            uniqueKeysWithValues: [oldConfig, oldWorker].map {
                ($0, InventoryEntry(key: $0, appliedHash: "h", revision: "r"))
            })
        let plan = SyncPlanner.plan(
            desired: [Self.web, config, ns], live: live, inventory: inventory, options: SyncOptions(prune: true))
        #expect(
            plan.changes.map(\.key.description) == [
                "Namespace/shop", "ConfigMap/shop/settings", "Deployment/shop/web", "Deployment/shop/worker",
                "ConfigMap/shop/old",
            ])
        #expect(plan.changes.map(\.action) == [.create, .create, .create, .delete, .delete])
        #expect(plan.applies.map(\.key.name) == ["shop", "settings", "web"])
        #expect(plan.deletions.map(\.key.name) == ["worker", "old"])
        #expect(plan.description == "3 create, 2 delete")
    }

    @Test func theLaterOfTwoManifestsForOneKeyWins() {
        let first = TestResources.desired(TestResources.deployment("web", replicas: 1), line: 1)
        let second = TestResources.desired(TestResources.deployment("web", replicas: 4), line: 40)
        let plan = SyncPlanner.plan(desired: [first, second], live: [:], inventory: [:], options: SyncOptions())
        #expect(plan.changes.count == 1)
        #expect(plan.changes.first?.desired?.location.line == 40)
    }
}
