import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// Claims bind to the smallest fitting volume of their class, or get one provisioned; released volumes follow
/// their reclaim policy.
@Suite struct VolumeBindingTests {
    @Test func theStandardClassIsTheDefault() async throws {
        let cluster = try Fixtures.cluster()
        let classes = try await cluster.list(ResourceTypes.storageClass, namespace: nil)
        #expect(classes.map(\.name) == ["standard"])
        let standard = try #require(classes.first)
        #expect(standard.annotations["storageclass.kubernetes.io/is-default-class"] == "true")
        #expect(standard.value["provisioner"] == "capstan.io/simulated")
        #expect(standard.value["volumeBindingMode"] == "Immediate")
        #expect(standard.value["reclaimPolicy"] == "Delete")
    }

    @Test func aClaimWithoutClassIsProvisionedFromTheDefaultClass() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.claim("data", storage: "5Gi", accessModes: ["ReadWriteMany"])])
        let claim = try #require(try await cluster.object(WorkloadFixtures.claimKey("data")))
        #expect(claim.string("spec", "storageClassName") == "standard")
        #expect(claim.string("status", "phase") == "Bound")
        #expect(claim.value[path: ["status", "capacity", "storage"]] == "5Gi")
        #expect(claim.value[path: ["status", "accessModes"]] == ["ReadWriteMany"])
        let volume = try #require(try await cluster.volumes().first)
        #expect(volume.name == "pvc-\(claim.uid)")
        #expect(claim.string("spec", "volumeName") == volume.name)
        #expect(volume.string("status", "phase") == "Bound")
        #expect(volume.value[path: ["spec", "capacity", "storage"]] == "5Gi")
        #expect(volume.value[path: ["spec", "accessModes"]] == ["ReadWriteMany"])
        #expect(volume.string("spec", "persistentVolumeReclaimPolicy") == "Delete")
        #expect(volume.string("spec", "claimRef", "uid") == claim.uid)
        #expect(volume.string("spec", "storageClassName") == "standard")
        let events = try await cluster.events(about: "data", kind: "PersistentVolumeClaim")
        #expect(events.map { $0.string("reason") } == ["ProvisioningSucceeded"])
    }

    /// Which existing volume a 3Gi ReadWriteOnce claim of class `standard` binds to; nil = a new one is provisioned.
    static let matchCases: [([Resource], String?)] = [
        (
            [
                WorkloadFixtures.volume("pv-10g", capacity: "10Gi"), WorkloadFixtures.volume("pv-5g", capacity: "5Gi"),
                WorkloadFixtures.volume("pv-2g", capacity: "2Gi"),
            ], "pv-5g"
        ),
        ([WorkloadFixtures.volume("pv-rox", capacity: "5Gi", accessModes: ["ReadOnlyMany"])], nil),
        ([WorkloadFixtures.volume("pv-fast", capacity: "5Gi", storageClass: "fast")], nil),
        (
            [WorkloadFixtures.volume("pv-both", capacity: "3Gi", accessModes: ["ReadWriteOnce", "ReadOnlyMany"])],
            "pv-both"
        ),
    ]

    @Test(arguments: matchCases)
    func aClaimBindsTheSmallestMatchingVolume(_ volumes: [Resource], _ expected: String?) async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll(volumes)
        #expect(try await cluster.volumes().allSatisfy { $0.string("status", "phase") == "Available" })
        try await cluster.applyAll([WorkloadFixtures.claim("data", storage: "3Gi")])
        let claim = try #require(try await cluster.object(WorkloadFixtures.claimKey("data")))
        #expect(claim.string("status", "phase") == "Bound")
        #expect(claim.string("spec", "volumeName") == (expected ?? "pvc-\(claim.uid)"))
        if let expected {
            let volume = try #require(try await cluster.volumes().first { $0.name == expected })
            #expect(volume.string("status", "phase") == "Bound")
            #expect(volume.string("spec", "claimRef", "name") == "data")
            #expect(
                claim.value[path: ["status", "capacity", "storage"]]
                    == volume.value[path: ["spec", "capacity", "storage"]])
        }
    }

    /// Claims that cannot bind stay Pending with Kubernetes' event.
    static let pendingCases: [(Resource, String, String)] = [
        (
            WorkloadFixtures.claim("data", storageClass: "fast"), "ProvisioningFailed",
            "storageclass.storage.k8s.io \"fast\" not found"
        ),
        (
            WorkloadFixtures.claim("data", storageClass: ""), "FailedBinding",
            "no persistent volumes available for this claim and no storage class is set"
        ),
    ]

    @Test(arguments: pendingCases)
    func aClaimThatCannotBindStaysPending(_ claim: Resource, _ reason: String, _ message: String) async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([claim])
        let stored = try #require(try await cluster.object(claim.key))
        #expect(stored.string("status", "phase") == "Pending")
        #expect(stored.string("spec", "volumeName") == nil)
        #expect(try await cluster.volumes().isEmpty)
        let event = try #require(try await cluster.events(about: "data", kind: "PersistentVolumeClaim").last)
        #expect(event.string("reason") == reason)
        #expect(event.string("message") == message)
    }

    @Test(.timeLimit(.minutes(1)))
    func aPodWithAClaimOfAnUnknownClassStaysPendingUntilTheClassExists() async throws {
        let cluster = try Fixtures.cluster()
        var manifest = Fixtures.deployment("db", replicas: 1)
        manifest.value[path: ["spec", "template", "spec", "volumes"]] = [
            ["name": "data", "persistentVolumeClaim": ["claimName": "data"]]
        ]
        try await cluster.applyAll([WorkloadFixtures.claim("data", storageClass: "fast"), manifest])
        await cluster.advance(by: .seconds(30))
        var pod = try #require(try await cluster.pods().first)
        #expect(pod.podPhase == "Pending")
        #expect(pod.nodeName.isEmpty)
        #expect(
            pod.podCondition("PodScheduled")?["message"]
                == "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.")

        // The class appears: the claim is provisioned and bound, the pod scheduled and started.
        try await cluster.applyAll([WorkloadFixtures.storageClass("fast")])
        let claim = try #require(try await cluster.object(WorkloadFixtures.claimKey("data")))
        #expect(claim.string("status", "phase") == "Bound")
        #expect(try await cluster.volumes().first?.annotations["pv.kubernetes.io/provisioned-by"] == "ebs.csi.aws.com")
        await cluster.advance(by: .seconds(2))
        pod = try #require(try await cluster.pods().first)
        #expect(pod.isPodReady)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(arguments: [("Delete", nil), ("Retain", "Released")] as [(String, String?)])
    func aDeletedClaimReleasesItsVolumeByReclaimPolicy(_ policy: String, _ phase: String?) async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            WorkloadFixtures.storageClass("keep", reclaimPolicy: policy),
            WorkloadFixtures.claim("data", storageClass: "keep"),
        ])
        #expect(try await cluster.volumes().first?.string("status", "phase") == "Bound")
        _ = await cluster.delete([WorkloadFixtures.claimKey("data")])
        #expect(try await cluster.volumes().first?.string("status", "phase") == phase)

        // A Released volume is not bound again: a new claim gets a new volume.
        try await cluster.applyAll([WorkloadFixtures.claim("again", storageClass: "keep")])
        let again = try #require(try await cluster.object(WorkloadFixtures.claimKey("again")))
        #expect(again.string("spec", "volumeName") == "pvc-\(again.uid)")
    }

    @Test func waitForFirstConsumerBindsWhenAPodUsesTheClaim() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            WorkloadFixtures.storageClass("late", bindingMode: "WaitForFirstConsumer"),
            WorkloadFixtures.claim("data", storageClass: "late"),
        ])
        var claim = try #require(try await cluster.object(WorkloadFixtures.claimKey("data")))
        #expect(claim.string("status", "phase") == "Pending")
        #expect(
            try await cluster.events(about: "data", kind: "PersistentVolumeClaim").last?.string("reason")
                == "WaitForFirstConsumer")
        var manifest = Fixtures.deployment("db", replicas: 1)
        manifest.value[path: ["spec", "template", "spec", "volumes"]] = [
            ["name": "data", "persistentVolumeClaim": ["claimName": "data"]]
        ]
        try await cluster.applyAll([manifest])
        claim = try #require(try await cluster.object(WorkloadFixtures.claimKey("data")))
        #expect(claim.string("status", "phase") == "Bound")
        #expect(try await cluster.pods().first?.nodeName.isEmpty == false)
    }

    @Test func aVolumeAppliedAgainWithoutItsClaimRefIsBoundAgain() async throws {
        let cluster = try Fixtures.cluster()
        let volume = WorkloadFixtures.volume("pv-1", capacity: "1Gi")
        try await cluster.applyAll([volume, WorkloadFixtures.claim("data")])
        try await cluster.applyAll([volume, WorkloadFixtures.claim("data")])
        let claim = try #require(try await cluster.object(WorkloadFixtures.claimKey("data")))
        #expect(claim.string("status", "phase") == "Bound")
        #expect(claim.string("spec", "volumeName") == "pv-1")
        let stored = try #require(try await cluster.volumes().first)
        #expect(stored.string("spec", "claimRef", "uid") == claim.uid)
        #expect(stored.string("status", "phase") == "Bound")
    }

    @Test func claimsAreValidatedAndTheirSpecIsImmutable() async throws {
        let cluster = try Fixtures.cluster()
        var noModes = WorkloadFixtures.claim("data")
        noModes.value[path: ["spec", "accessModes"]] = []
        let refused = await cluster.apply([noModes])
        #expect(throws: ClusterError.self) { try refused[0].get() }
        try await cluster.applyAll([WorkloadFixtures.claim("data")])
        let changed = await cluster.apply([WorkloadFixtures.claim("data", accessModes: ["ReadWriteMany"])])
        #expect(throws: ClusterError.self) { try changed[0].get() }
        // Growing the request is allowed and the standard class expands the volume.
        try await cluster.applyAll([WorkloadFixtures.claim("data", storage: "2Gi")])
        let claim = try #require(try await cluster.object(WorkloadFixtures.claimKey("data")))
        #expect(claim.value[path: ["status", "capacity", "storage"]] == "2Gi")
        #expect(try await cluster.volumes().first?.value[path: ["spec", "capacity", "storage"]] == "2Gi")
    }
}
