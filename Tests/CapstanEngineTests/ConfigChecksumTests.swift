import CapstanModel
import Testing

@testable import CapstanEngine

/// Workloads carry a keyed checksum of the ConfigMaps and Secrets they use, so a data change rolls them out.
struct ConfigChecksumTests {
    static let key = Array("a key only the service knows, 32b".utf8)

    static func configMap(_ name: String, _ value: String) -> Resource {
        var resource = Resource(apiVersion: "v1", kind: "ConfigMap", namespace: "shop", name: name)
        resource.value["data"] = ["value": .string(value)]
        return resource
    }

    static func secret(_ name: String, _ value: String) -> Resource {
        var resource = Resource(apiVersion: "v1", kind: "Secret", namespace: "shop", name: name)
        resource.value["data"] = ["token": .string(value)]
        return resource
    }

    /// A Deployment whose only container uses `envFrom` ConfigMap `settings`, a `secretKeyRef` to `api` and a
    /// projected volume of ConfigMap `extra`.
    static func deployment() -> Resource {
        Resource(
            apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web",
            spec: [
                "template": [
                    "spec": [
                        "containers": [
                            [
                                "name": "web", "envFrom": [["configMapRef": ["name": "settings"]]],
                                "env": [
                                    ["name": "T", "valueFrom": ["secretKeyRef": ["name": "api", "key": "token"]]]
                                ],
                            ]
                        ],
                        "volumes": [["name": "x", "projected": ["sources": [["configMap": ["name": "extra"]]]]]],
                    ]
                ]
            ])
    }

    static func checksum(_ resources: [Resource], key: [UInt8]? = key) -> String? {
        ConfigChecksum.annotate(resources, key: key).first { $0.kind == "Deployment" }?
            .value[path: ["spec", "template", "metadata", "annotations", ConfigChecksum.annotation]]?.stringValue
    }

    static let base = [configMap("settings", "a"), secret("api", "s3cr3t"), configMap("extra", "e"), deployment()]

    @Test func everyReferencedValueIsPartOfTheChecksum() throws {
        let original = try #require(Self.checksum(Self.base))
        #expect(original.count == 64)
        let changes = [Self.configMap("settings", "b"), Self.secret("api", "other"), Self.configMap("extra", "f")]
        for (index, changed) in changes.enumerated() {
            var resources = Self.base
            resources[index] = changed
            #expect(Self.checksum(resources) != original, "changing \(changed.key) must change the checksum")
        }
    }

    @Test func unrelatedDataAndOrderDoNotMatter() throws {
        let original = try #require(Self.checksum(Self.base))
        #expect(Self.checksum(Self.base + [Self.configMap("unused", "x")]) == original)
        #expect(Self.checksum(Self.base.reversed()) == original)
    }

    @Test func theChecksumIsKeyedAndNeverTheValue() throws {
        let original = try #require(Self.checksum(Self.base))
        #expect(Self.checksum(Self.base, key: Array("another key".utf8)) != original)
        #expect(Self.checksum(Self.base, key: nil) == nil)
        #expect(!original.contains("s3cr3t"))
    }

    @Test func workloadsWithoutReferencesInTheCommitAreLeftAlone() {
        #expect(Self.checksum([Self.deployment()]) == nil)
        let service = Resource(apiVersion: "v1", kind: "Service", namespace: "shop", name: "web")
        #expect(ConfigChecksum.annotate([service, Self.configMap("settings", "a")], key: Self.key).first == service)
    }
}
