import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

@Suite struct APIServerTests {
    @Test func secretStringDataIsMergedIntoData() async throws {
        let cluster = try Fixtures.cluster()
        var secret = Resource(apiVersion: "v1", kind: "Secret", namespace: "default", name: "db")
        secret.value["stringData"] = ["password": "hunter2"]
        secret.value["data"] = ["user": .string(Data("admin".utf8).base64EncodedString())]
        let stored = try await cluster.applyAll([secret])[0]
        #expect(stored.value["stringData"] == nil)
        #expect(stored.value[path: ["data", "password"]] == .string(Data("hunter2".utf8).base64EncodedString()))
        #expect(stored.value[path: ["data", "user"]] != nil)
        #expect(stored.string("type") == "Opaque")
    }

    @Test func namespacedObjectsNeedTheirNamespace() async throws {
        let cluster = try Fixtures.cluster()
        let results = await cluster.apply([
            Resource(apiVersion: "v1", kind: "ConfigMap", namespace: "nowhere", name: "cfg"),
            Resource(apiVersion: "v1", kind: "ConfigMap", name: "cfg"),
        ])
        guard case .failure(let error) = results[0] else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.reason == .notFound)
        #expect(error.description == "ConfigMap/nowhere/cfg: namespaces \"nowhere\" not found")
        let defaulted = try results[1].get()
        #expect(defaulted.namespace == "default")
    }

    @Test func selectorsAreImmutableAndMustMatchTheTemplate() async throws {
        let cluster = try Fixtures.cluster()
        var manifest = Fixtures.deployment("web", replicas: 1)
        try await cluster.applyAll([manifest])
        manifest.value[path: ["spec", "selector", "matchLabels"]] = ["app": "other"]
        manifest.value[path: ["spec", "template", "metadata", "labels"]] = ["app": "other"]
        guard case .failure(let immutable) = await cluster.apply([manifest])[0] else {
            Issue.record("expected a failure")
            return
        }
        #expect(immutable.message == "spec.selector: Invalid value: field is immutable")

        var mismatched = Fixtures.deployment("api", replicas: 1)
        mismatched.value[path: ["spec", "template", "metadata", "labels"]] = ["app": "nope"]
        guard case .failure(let mismatch) = await cluster.apply([mismatched])[0] else {
            Issue.record("expected a failure")
            return
        }
        #expect(mismatch.message.contains("selector does not match template labels"))
    }

    @Test func servicesGetAStableClusterIPAndDefaults() async throws {
        let cluster = try Fixtures.cluster()
        let service = Resource(
            apiVersion: "v1", kind: "Service", namespace: "default", name: "web",
            spec: ["selector": ["app": "web"], "ports": [["port": 80]]])
        let first = try await cluster.applyAll([service])[0]
        let ip = try #require(first.string("spec", "clusterIP"))
        #expect(ip.hasPrefix("10.96."))
        #expect(first.value[path: ["spec", "ports"]]?.arrayValue?.first?["targetPort"] == 80)
        #expect(first.value[path: ["spec", "ports"]]?.arrayValue?.first?["protocol"] == "TCP")
        let second = try await cluster.applyAll([service])[0]
        #expect(second.string("spec", "clusterIP") == ip)
        #expect(second.resourceVersion == first.resourceVersion)
    }

    /// The Docker backend's control plane serves every Service on one host address, told apart by port.
    @Test func aSharedServiceAddressIsEveryServicesClusterIP() async throws {
        let cluster = try SimulatedCluster(options: SimulatedClusterOptions(sharedServiceAddress: "127.0.0.1"))
        let services = ["web", "api"].map { name in
            Resource(
                apiVersion: "v1", kind: "Service", namespace: "default", name: name,
                spec: ["selector": ["app": .string(name)], "ports": [["port": name == "web" ? 8080 : 9090]]])
        }
        let stored = try await cluster.applyAll(services)
        #expect(stored.map { $0.string("spec", "clusterIP") } == ["127.0.0.1", "127.0.0.1"])
        #expect(stored.map { $0.value[path: ["spec", "clusterIPs"]] } == [["127.0.0.1"], ["127.0.0.1"]])
    }
}
