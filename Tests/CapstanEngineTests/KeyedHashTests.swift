import CapstanModel
import Testing

@testable import CapstanEngine

/// The hash kept in the inventory for a Secret or ConfigMap is keyed, so reading the state does not let anyone
/// test guesses of a value; other kinds keep the plain SHA-256.
struct KeyedHashTests {
    static let key = Array("a key only the service knows, 32b".utf8)
    static let otherKey = Array("another service's key, 32 bytes!".utf8)

    static func hashes(_ resources: [Resource], key: [UInt8]?) -> [String: String] {
        let manifests = resources.map { Manifest(resource: $0, location: SourceLocation(file: "a.yaml", line: 1)) }
        let desired = DesiredState.build(manifests, checksumKey: key)
        return Dictionary(uniqueKeysWithValues: desired.map { ($0.key.kind, $0.hash) })
    }

    static let resources = [
        ConfigChecksumTests.secret("api", "czNjcjN0"), ConfigChecksumTests.configMap("settings", "a"),
        Resource(apiVersion: "v1", kind: "Service", namespace: "shop", name: "web", spec: ["ports": [["port": 80]]]),
    ]

    @Test func secretsAndConfigMapsGetAHashThatDependsOnTheKey() {
        let plain = Self.hashes(Self.resources, key: nil)
        let keyed = Self.hashes(Self.resources, key: Self.key)
        let other = Self.hashes(Self.resources, key: Self.otherKey)
        for kind in ["Secret", "ConfigMap"] {
            #expect(keyed[kind] != plain[kind], "\(kind) must not keep the plain SHA-256")
            #expect(keyed[kind] != other[kind], "\(kind) must depend on the key")
            #expect(keyed[kind]?.count == 64)
        }
        #expect(keyed["Service"] == plain["Service"])
    }

    @Test func theKeyedHashStillFollowsTheData() {
        let before = Self.hashes(Self.resources, key: Self.key)
        var changed = Self.resources
        changed[0] = ConfigChecksumTests.secret("api", "b3RoZXI=")
        let after = Self.hashes(changed, key: Self.key)
        #expect(after["Secret"] != before["Secret"])
        #expect(after["ConfigMap"] == before["ConfigMap"])
        #expect(Self.hashes(Self.resources, key: Self.key) == before, "the same input must hash the same")
    }
}
