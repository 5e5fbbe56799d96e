import CapstanEngine
import CapstanModel
import Testing

/// `DesiredState.build`: resources are stored the way the API server would store them, then hashed.
struct NormalizationTests {
    static func normalized(_ resource: Resource) -> Resource {
        TestResources.desired(resource).resource
    }

    /// (stringData, data) written in git → the data the server stores.
    @Test(
        arguments: [
            (["password": "hunter2"], [:], ["password": "aHVudGVyMg=="]),
            (["password": "hunter2"], ["user": "YWRtaW4="], ["password": "aHVudGVyMg==", "user": "YWRtaW4="]),
            (["password": "hunter2"], ["password": "b2xk"], ["password": "aHVudGVyMg=="]),
            (["empty": ""], [:], ["empty": ""]),
            (["text": "héllo wörld"], [:], ["text": "aMOpbGxvIHfDtnJsZA=="]),
        ] as [([String: String], [String: String], [String: String])])
    func secretStringDataBecomesBase64Data(
        stringData: [String: String], data: [String: String], expected: [String: String]
    ) {
        let result = Self.normalized(TestResources.secret("db", data: data, stringData: stringData))
        #expect(result.value["stringData"] == nil)
        #expect(result.value["data"]?.stringMap == expected)
    }

    @Test func nonStringStringDataValuesAreWrittenAsText() {
        var secret = TestResources.secret("db")
        secret.value["stringData"] = ["port": 5432, "tls": true]
        let data = Self.normalized(secret).value["data"]?.stringMap
        #expect(data == ["port": "NTQzMg==", "tls": "dHJ1ZQ=="])
    }

    @Test func stringDataOutsideASecretIsLeftAlone() {
        var config = TestResources.configMap("settings")
        config.value["stringData"] = ["mode": "fast"]
        #expect(Self.normalized(config) == config)
    }

    @Test func statusAndServerSetMetadataAreDropped() {
        var resource = TestResources.deployment("web")
        resource.value["status"] = ["replicas": 2, "availableReplicas": 2]
        for key in ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields"] {
            resource.value[path: ["metadata", key]] = "set-by-server"
        }
        resource.labels = ["app": "web"]
        let result = Self.normalized(resource)
        #expect(result.status == nil)
        #expect(result.metadata == ["name": "web", "namespace": "shop", "labels": ["app": "web"]])
        #expect(result.spec == resource.spec)
    }

    @Test func anAlreadyNormalResourceIsUnchanged() {
        let resource = TestResources.deployment("web")
        #expect(Self.normalized(resource) == resource)
    }

    @Test func hashIsTheSHA256OfTheNormalizedResource() {
        let desired = TestResources.desired(TestResources.deployment("web"))
        #expect(desired.hash == desired.resource.value.sha256Hex())
        #expect(desired.hash.count == 64)
        #expect(desired.hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    /// Manifests that mean the same resource hash the same.
    @Test(arguments: [
        (
            "key order",
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"x"},"data":{"k":"v","j":"w"}}"#,
            #"{"data":{"j":"w","k":"v"},"metadata":{"namespace":"x","name":"a"},"kind":"ConfigMap","apiVersion":"v1"}"#
        ),
        (
            "status written in git", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}"#,
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","uid":"u-1"},"status":{"phase":"x"}}"#
        ),
        (
            "stringData or data",
            #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"stringData":{"p":"hunter2"}}"#,
            #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"p":"aHVudGVyMg=="}}"#
        ),
        (
            "1 or 1.0", #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1}}"#,
            #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1.0}}"#
        ),
    ])
    func equivalentManifestsHashTheSame(_ what: String, _ first: String, _ second: String) {
        let a = TestResources.desired(TestResources.json(first))
        let b = TestResources.desired(TestResources.json(second), file: "other.yaml", line: 9)
        #expect(a.hash == b.hash, "\(what)")
    }

    @Test func anyChangeChangesTheHash() {
        let base = TestResources.desired(TestResources.deployment("web", replicas: 2)).hash
        #expect(TestResources.desired(TestResources.deployment("web", replicas: 3)).hash != base)
        #expect(TestResources.desired(TestResources.deployment("web", image: "nginx:1.26")).hash != base)
        #expect(TestResources.desired(TestResources.deployment("api", replicas: 2)).hash != base)
    }

    @Test func buildKeepsOrderKeysAndLocations() {
        let manifests = [
            Manifest(resource: TestResources.deployment("web"), location: SourceLocation(file: "a.yaml", line: 1)),
            Manifest(resource: TestResources.configMap("settings"), location: SourceLocation(file: "a.yaml", line: 30)),
            Manifest(
                resource: TestResources.secret("db", stringData: ["p": "x"]),
                location: SourceLocation(file: "b.yaml", line: 4)),
        ]
        let desired = DesiredState.build(manifests)
        #expect(desired.map(\.key.description) == ["Deployment/shop/web", "ConfigMap/shop/settings", "Secret/shop/db"])
        #expect(desired.map(\.location.description) == ["a.yaml:1", "a.yaml:30", "b.yaml:4"])
        #expect(desired[0].key == ResourceKey(group: "apps", kind: "Deployment", namespace: "shop", name: "web"))
    }
}
