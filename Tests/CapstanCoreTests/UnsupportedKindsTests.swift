import CapstanCluster
import CapstanCore
import CapstanModel
import CapstanTestSupport
import Testing

/// An app on a backend that does not run every kind (configured like the Docker backend): the resources it does
/// not run are not applied, do not hold back the rest, and are reported as `Unsupported`, with a warning
/// condition and a line each in the history; a steady state stays quiet.
@Suite struct UnsupportedKindsTests {
    static let docker = (
        name: "docker",
        kinds: KindSupport(
            supported: [
                GroupKind(group: "apps", kind: "Deployment"), GroupKind(group: "apps", kind: "ReplicaSet"),
                GroupKind(group: "", kind: "Pod"), GroupKind(group: "", kind: "Service"),
                GroupKind(group: "", kind: "ConfigMap"),
            ],
            reasons: [
                GroupKind(group: "autoscaling", kind: "HorizontalPodAutoscaler"): "no metrics",
                GroupKind(group: "networking.k8s.io", kind: "Ingress"): "no ingress controller",
            ])
    )

    static let autoscaler = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: frontend
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: frontend}
          minReplicas: 1
          maxReplicas: 5
          metrics:
            - type: Resource
              resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
        """
    static let ingress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: frontend
        spec:
          rules:
            - http:
                paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: frontend, port: {number: 80}}}}
        """
    static let widget = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: thing
        spec: {size: 3}
        """

    static func extras() -> [String: String?] {
        [
            "apps/guestbook/hpa.yaml": autoscaler, "apps/guestbook/ingress.yaml": ingress,
            "apps/guestbook/widget.yaml": widget,
        ]
    }

    @Test func unsupportedResourcesAreReportedAndTheRestIsApplied() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial().merging(Self.extras()) { $1 }, message: "Guestbook and extras")
        let harness = try await CoreHarness.make(git: git, backend: Self.docker)
        defer { harness.cleanUp() }

        let outcome = await harness.reconcile()
        #expect(outcome == .done || outcome == .progressing, "\(outcome)")
        #expect(try await harness.deployment("frontend") != nil)
        #expect(try await harness.live("ConfigMap", "guestbook-config") != nil)
        #expect(try await harness.live("HorizontalPodAutoscaler", "frontend", group: "autoscaling") == nil)
        #expect(try await harness.live("Ingress", "frontend", group: "networking.k8s.io") == nil)
        #expect(try await harness.live("Widget", "thing", group: "example.com") == nil)

        let status = await harness.status
        #expect(status.sync.status == .synced && status.sync.reason == nil)
        #expect(status.lastSync?.result == .succeeded)
        let unsupported = status.resources.filter { $0.status == .unsupported }
        #expect(
            unsupported.map { "\($0.key): \($0.message ?? "")" } == [
                "HorizontalPodAutoscaler/default/frontend: not supported on backend docker: no metrics",
                "Ingress/default/frontend: not supported on backend docker: no ingress controller",
                "Widget/default/thing: not supported on backend docker: no controller runs this kind",
            ])
        #expect(unsupported.allSatisfy { $0.health == nil })
        #expect(status.resources.count == 6)
        #expect(status.conditions.map(\.type) == ["UnsupportedResources"])
        #expect(
            status.conditions.first?.message
                == "3 resources not applied, kind not supported on backend docker: "
                + "HorizontalPodAutoscaler/default/frontend, Ingress/default/frontend, Widget/default/thing")

        let history = try await harness.store.history(app: "guestbook")
        #expect(history.count == 1)
        let lines = history[0].message.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(history[0].changeSet.summary); 3 unsupported")
        #expect(
            lines.dropFirst().first == "unsupported HorizontalPodAutoscaler/default/frontend: "
                + "not supported on backend docker: no metrics")
        #expect(!history[0].changeSet.entries.contains { $0.subject.kind == "Widget" })
        #expect(try await !harness.store.inventory(app: "guestbook").keys.contains { $0.kind == "Ingress" })

        let events = await harness.events.events
        #expect(events.map(\.reason) == [.syncSucceeded])
        #expect(
            events.first?.metadata["unsupported"]
                == "HorizontalPodAutoscaler/default/frontend, Ingress/default/frontend, Widget/default/thing")

        // A steady state: nothing applied, recorded or announced again.
        await harness.cluster.advance(by: .seconds(10))
        await harness.reconcile()
        await harness.reconcile()
        #expect(try await harness.store.history(app: "guestbook").count == 1)
        let reasons = await harness.events.reasons
        #expect(reasons.filter { $0 == .syncSucceeded }.count == 1, "\(reasons)")
        #expect(!reasons.contains(.syncFailed), "\(reasons)")
        let again = await harness.status
        #expect(again.sync.status == .synced && again.conditions.map(\.since) == status.conditions.map(\.since))
        #expect(again.resources.filter { $0.status == .unsupported }.count == 3)
    }

    @Test func theConditionFollowsGit() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial().merging(Self.extras()) { $1 }, message: "Guestbook and extras")
        let harness = try await CoreHarness.make(git: git, backend: Self.docker)
        defer { harness.cleanUp() }
        await harness.reconcile()

        try git.commit(["apps/guestbook/hpa.yaml": nil, "apps/guestbook/widget.yaml": nil], message: "Fewer extras")
        await harness.reconcile()
        #expect(await harness.status.conditions.first?.message.hasPrefix("1 resource not applied") == true)
        #expect(await harness.status.resources.filter { $0.status == .unsupported }.map(\.name) == ["frontend"])

        try git.commit(["apps/guestbook/ingress.yaml": nil], message: "No extras")
        await harness.reconcile()
        let status = await harness.status
        #expect(status.conditions.isEmpty)
        #expect(!status.resources.contains { $0.status == .unsupported })
        let history = try await harness.store.history(app: "guestbook")
        #expect(!history[0].message.contains("unsupported"))
    }

    /// The simulated backend runs every kind, as before: the same commit applies all of them.
    @Test func theSimulatedBackendAppliesEveryKind() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial().merging(Self.extras()) { $1 }, message: "Guestbook and extras")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        await harness.reconcile()
        #expect(try await harness.live("HorizontalPodAutoscaler", "frontend", group: "autoscaling") != nil)
        #expect(try await harness.live("Ingress", "frontend", group: "networking.k8s.io") != nil)
        #expect(try await harness.live("Widget", "thing", group: "example.com") != nil)
        let status = await harness.status
        #expect(!status.resources.contains { $0.status == .unsupported } && status.conditions.isEmpty)
    }

    /// An object applied before its kind became unsupported (an older Capstan) is pruned, and said so.
    @Test func aCopyAppliedBeforeIsPruned() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial().merging(Self.extras()) { $1 }, message: "Guestbook and extras")
        let before = try await CoreHarness.make(git: git, backend: (name: "docker", kinds: .everything))
        defer { before.cleanUp() }
        await before.reconcile()
        #expect(try await before.live("HorizontalPodAutoscaler", "frontend", group: "autoscaling") != nil)

        let after = try await CoreHarness.make(git: git, stateDirectory: before.stateDirectory, backend: Self.docker)
        await after.reconcile(.manual)
        #expect(try await after.live("HorizontalPodAutoscaler", "frontend", group: "autoscaling") == nil)
        let row = try #require(await after.status.resources.first { $0.kind == "HorizontalPodAutoscaler" })
        #expect(row.status == .unsupported)
        #expect(row.message?.hasSuffix("the copy applied before is being deleted") == true)
        #expect(try await after.store.inventory(app: "guestbook").keys.allSatisfy { $0.kind != "Widget" })
    }
}
