import CapstanEngine
import CapstanModel
import Testing

/// `SyncPlanner.plan` with kinds the backend does not run: they are split off into `unsupported`, in apply order
/// with their place in git, and everything else is planned as if they were not there.
struct UnsupportedKindsTests {
    static let web = TestResources.desired(TestResources.deployment("web"), file: "apps/web.yaml", line: 1)
    static let config = TestResources.desired(TestResources.configMap("web-config"))
    static let autoscaler = TestResources.desired(
        Resource(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", namespace: "shop", name: "web"),
        file: "apps/hpa.yaml", line: 3)
    static let widget = TestResources.desired(
        Resource(apiVersion: "example.com/v1", kind: "Widget", namespace: "shop", name: "thing"))

    /// The Docker backend's answer for these kinds.
    static func reason(_ key: ResourceKey) -> String? {
        switch key.kind {
        case "HorizontalPodAutoscaler": return "not supported on backend docker: no metrics"
        case "Widget": return "not supported on backend docker: no controller runs this kind"
        default: return nil
        }
    }

    @Test func unsupportedResourcesAreSplitOffAndTheRestIsPlanned() {
        let plan = SyncPlanner.plan(
            desired: [Self.widget, Self.autoscaler, Self.web, Self.config], live: [:], inventory: [:],
            options: SyncOptions(prune: true), unsupported: Self.reason)
        #expect(plan.changes.map(\.key) == [Self.config.key, Self.web.key])
        #expect(plan.changes.allSatisfy { $0.action == .create })
        // Apply order (HorizontalPodAutoscaler ranks before unknown kinds), with the manifest's place.
        #expect(
            plan.unsupported.map(\.description) == [
                "HorizontalPodAutoscaler/shop/web: not supported on backend docker: no metrics",
                "Widget/shop/thing: not supported on backend docker: no controller runs this kind",
            ])
        #expect(plan.unsupported[0].location == SourceLocation(file: "apps/hpa.yaml", line: 3))
        #expect(plan.description == "2 create, 2 unsupported")
    }

    @Test func withEverythingSupportedThePlanIsTheSame() {
        let desired = [Self.widget, Self.autoscaler, Self.web, Self.config]
        let plain = SyncPlanner.plan(desired: desired, live: [:], inventory: [:], options: SyncOptions())
        let split = SyncPlanner.plan(
            desired: desired, live: [:], inventory: [:], options: SyncOptions(), unsupported: { _ in nil })
        #expect(plain == split)
        #expect(plain.changes.count == 4 && plain.unsupported.isEmpty)
    }

    @Test func anUnsupportedResourceAloneLeavesThePlanSynced() {
        let live = [Self.web.key: TestResources.live(Self.web.resource)]
        let inventory = [Self.web.key: InventoryEntry(key: Self.web.key, appliedHash: Self.web.hash, revision: "a")]
        let plan = SyncPlanner.plan(
            desired: [Self.web, Self.autoscaler], live: live, inventory: inventory, options: SyncOptions(),
            unsupported: Self.reason)
        #expect(plan.isSynced && !plan.hasApplies)
        #expect(plan.unsupported.map(\.key) == [Self.autoscaler.key])
    }

    /// A copy applied before the backend declared the kind unsupported is planned like a resource removed from git.
    @Test(arguments: [(true, PlannedAction.delete), (false, .pruneSkipped)])
    func aCopyAppliedBeforeIsPlannedForRemoval(prune: Bool, action: PlannedAction) {
        let key = Self.autoscaler.key
        let plan = SyncPlanner.plan(
            desired: [Self.autoscaler], live: [key: TestResources.live(Self.autoscaler.resource)],
            inventory: [key: InventoryEntry(key: key, appliedHash: Self.autoscaler.hash, revision: "a")],
            options: SyncOptions(prune: prune), unsupported: Self.reason)
        #expect(plan.changes.map(\.action) == [action])
        #expect(plan.changes.map(\.reason) == [.removedFromGit])
        #expect(plan.unsupported.map(\.key) == [key])
    }
}
