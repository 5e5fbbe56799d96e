import CapstanEngine
import CapstanModel
import Testing

/// `SyncPlan.changeSet(applied:)`: what a sync did, as Flux-style change-set entries.
struct ChangeSetTests {
    static func key(_ kind: String, _ name: String) -> ResourceKey {
        ResourceKey(group: kind == "Deployment" ? "apps" : "", kind: kind, namespace: "shop", name: name)
    }

    static let plan = SyncPlan(changes: [
        PlannedChange(key: key("ConfigMap", "new"), action: .create, reason: .newResource),
        PlannedChange(key: key("ConfigMap", "same"), action: .unchanged),
        PlannedChange(key: key("Deployment", "web"), action: .update, reason: .manifestChanged),
        PlannedChange(key: key("Deployment", "old"), action: .delete, reason: .removedFromGit),
        PlannedChange(key: key("Deployment", "kept"), action: .pruneSkipped, reason: .removedFromGit),
    ])

    @Test func everythingApplied() {
        #expect(
            Self.plan.completeChangeSet.entries == [
                ChangeSetEntry(subject: Self.key("ConfigMap", "new"), action: .created),
                ChangeSetEntry(subject: Self.key("ConfigMap", "same"), action: .unchanged),
                ChangeSetEntry(subject: Self.key("Deployment", "web"), action: .configured),
                ChangeSetEntry(subject: Self.key("Deployment", "old"), action: .deleted),
            ])
        #expect(Self.plan.completeChangeSet.summary == "1 created, 1 configured, 1 unchanged, 1 deleted")
    }

    /// Steps that did not happen (failed, not attempted, drift left alone) are left out.
    @Test(
        arguments: [
            ([], ["same"]),
            (["new"], ["new", "same"]),
            (["web", "old"], ["same", "web", "old"]),
            (["kept"], ["same"]),
        ] as [([String], [String])])
    func onlyWhatWasDoneIsListed(applied: [String], listed: [String]) {
        let keys = Set(Self.plan.changes.map(\.key).filter { applied.contains($0.name) })
        #expect(Self.plan.changeSet(applied: keys).entries.map(\.subject.name) == listed)
    }
}
