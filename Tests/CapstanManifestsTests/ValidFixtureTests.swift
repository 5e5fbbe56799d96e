import CapstanManifests
import CapstanModel
import Testing

/// Valid fixtures decode into the expected resources, lines and namespaces.
struct ValidFixtureTests {
    let decoder = ManifestDecoder()

    @Test func deployment() throws {
        let manifests = try decoder.decode([Fixture.file("deployment-valid.yaml")])
        #expect(manifests.count == 1)
        let manifest = try #require(manifests.first)
        #expect(manifest.location == SourceLocation(file: "deployment-valid.yaml", line: 2))
        #expect(
            manifest.resource.key == ResourceKey(group: "apps", kind: "Deployment", namespace: "default", name: "web"))
        #expect(manifest.resource.spec?["replicas"] == 3)
        #expect(manifest.resource.labels == ["app.kubernetes.io/name": "web", "tier": "frontend"])
        let env = manifest.resource.value[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first?["env"]
        #expect(env?.arrayValue?.first?["value"] == "on")
    }

    @Test func multiDocumentSkipsEmptyDocuments() throws {
        let manifests = try decoder.decode([Fixture.file("multi-doc-with-empty.yaml")])
        #expect(manifests.map(\.resource.key.description) == ["ConfigMap/tools/settings", "Service/default/web"])
        #expect(manifests.map(\.location.line) == [6, 15])
    }

    @Test func listKindExpandsIntoItems() throws {
        let manifests = try decoder.decode([Fixture.file("list-kind.yaml")])
        #expect(manifests.map(\.resource.key.description) == ["ServiceAccount/default/builder", "Namespace/tools"])
        #expect(manifests.map(\.location.line) == [4, 8])
    }

    @Test func secretWithWrappedBase64() throws {
        let manifests = try decoder.decode([Fixture.file("secret-valid.yaml")])
        #expect(manifests.first?.resource.key.description == "Secret/shop/db")
    }

    @Test func json() throws {
        let manifests = try decoder.decode([Fixture.file("configmap-valid.json")])
        #expect(manifests.first?.resource.key.description == "ConfigMap/default/from-json")
        #expect(manifests.first?.location.line == 1)
    }

    @Test func filesKeepTheirOrder() throws {
        let files = try ["list-kind.yaml", "deployment-valid.yaml", "configmap-valid.json"].map { try Fixture.file($0) }
        let manifests = try decoder.decode(files)
        #expect(
            manifests.map(\.location.file) == [
                "list-kind.yaml", "list-kind.yaml", "deployment-valid.yaml", "configmap-valid.json",
            ])
    }

    @Test func serialAndParallelAgree() throws {
        var files: [SourceFile] = []
        for index in 0..<50 {
            files.append(
                Fixture.text(
                    "apps/app-\(index).yaml",
                    """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: config-\(index)}
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: svc-\(index)}
                    """))
        }
        let parallel = try ManifestDecoder(options: ManifestDecodingOptions(parallel: true)).decode(files)
        let serial = try ManifestDecoder(options: ManifestDecodingOptions(parallel: false)).decode(files)
        #expect(parallel == serial)
        #expect(parallel.count == 100)
        #expect(parallel[99].resource.key.description == "Service/default/svc-49")
    }
}
