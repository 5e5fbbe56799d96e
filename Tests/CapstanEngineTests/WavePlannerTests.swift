import CapstanModel
import Testing

@testable import CapstanEngine

/// Which wave goes next, as a pure function of the plan and the live health.
struct WavePlannerTests {
    /// A ConfigMap `name` in `wave` with `action`.
    static func change(_ name: String, wave: Int?, _ action: PlannedAction) -> PlannedChange {
        var resource = Resource(apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: name)
        if let wave { resource.annotations[SyncWave.annotation] = String(wave) }
        let desired = DesiredResource(
            resource: resource, location: SourceLocation(file: "\(name).yaml", line: 1), hash: name)
        return PlannedChange(key: desired.key, action: action, desired: action == .delete ? nil : desired)
    }

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var changes: [PlannedChange]
        var health: [String: HealthStatus?]
        var expected: String
    }

    /// `apply a,b prune`, `wait -1 degraded 0/1`, `complete 1 2/2` — enough to tell every outcome apart.
    static func summary(_ step: WaveStep) -> String {
        switch step.action {
        case .apply(let changes, let prune):
            return "apply \(changes.map(\.key.name).joined(separator: ","))\(prune ? " prune" : "") wave \(step.wave)"
        case .wait(let degraded):
            return "wait \(step.wave)\(degraded ? " degraded" : "") \(step.ready)/\(step.total)"
        case .complete: return "complete \(step.wave) \(step.ready)/\(step.total)"
        }
    }

    static let cases: [Case] = [
        Case(
            description: "one wave applies everything and prunes with it",
            changes: [
                change("a", wave: nil, .create), change("b", wave: nil, .update), change("gone", wave: nil, .delete),
            ],
            health: [:], expected: "apply a,b prune wave 0"),
        Case(
            description: "the lowest wave with changes goes first, later waves wait their turn",
            changes: [
                change("db", wave: -1, .create), change("web", wave: 1, .create), change("gone", wave: 1, .delete),
            ],
            health: [:], expected: "apply db wave -1"),
        Case(
            description: "a later wave waits while an earlier one is progressing",
            changes: [change("db", wave: -1, .unchanged), change("web", wave: 1, .create)],
            health: ["db": .progressing], expected: "wait -1 0/1"),
        Case(
            description: "a degraded earlier wave stops the rollout",
            changes: [change("db", wave: -1, .unchanged), change("web", wave: 1, .create)],
            health: ["db": .degraded], expected: "wait -1 degraded 0/1"),
        Case(
            description: "kinds without health and suspended ones count as ready",
            changes: [
                change("a", wave: 0, .unchanged), change("b", wave: 0, .unchanged), change("web", wave: 2, .update),
            ],
            health: ["a": HealthStatus?.none, "b": .suspended], expected: "apply web wave 2"),
        Case(
            description: "with nothing left to apply, pruning does not wait for health",
            changes: [change("db", wave: 0, .unchanged), change("gone", wave: 0, .delete)],
            health: ["db": .progressing], expected: "apply  prune wave 0"),
        Case(
            description: "after the last apply the rollout follows health wave by wave",
            changes: [change("db", wave: -1, .unchanged), change("web", wave: 1, .unchanged)],
            health: ["db": .healthy, "web": .missing], expected: "wait 1 0/1"),
        Case(
            description: "everything applied and ready is complete",
            changes: [
                change("db", wave: -1, .unchanged), change("web", wave: 1, .unchanged),
                change("old", wave: 1, .pruneSkipped),
            ],
            health: ["db": .healthy, "web": .healthy], expected: "complete 1 1/1"),
    ]

    @Test(arguments: cases)
    func nextStep(_ test: Case) {
        let step = WavePlanner.step(plan: SyncPlan(changes: test.changes)) { key -> HealthStatus? in
            if let entry = test.health[key.name] { return entry }
            return .healthy
        }
        #expect(Self.summary(step) == test.expected)
    }

    @Test func wavesAreListedInOrder() {
        let plan = SyncPlan(changes: [
            Self.change("c", wave: 5, .create), Self.change("a", wave: -2, .create),
            Self.change("b", wave: nil, .create),
        ])
        #expect(WavePlanner.step(plan: plan) { _ in .healthy }.waves == [-2, 0, 5])
    }

    @Test func aWaveThatIsNotAnIntegerIsAProblemNamingFileAndResource() {
        var resource = Resource(apiVersion: "v1", kind: "ConfigMap", namespace: "shop", name: "settings")
        resource.annotations[SyncWave.annotation] = "early"
        let desired = DesiredResource(
            resource: resource, location: SourceLocation(file: "apps/shop/cm.yaml", line: 7), hash: "h")
        #expect(
            SyncWave.problems(in: [desired]) == [
                #"apps/shop/cm.yaml:7: ConfigMap/shop/settings: annotation capstan.io/sync-wave must be an integer, got "early""#
            ])
        #expect(SyncWave.of(resource) == nil)
    }
}
