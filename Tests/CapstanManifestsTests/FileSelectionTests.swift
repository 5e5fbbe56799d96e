import CapstanManifests
import CapstanModel
import Testing

/// Which files are read as manifests, and which folders are refused.
struct FileSelectionTests {
    static let kinds: [(String, ManifestFileKind)] = [
        ("a.yaml", .yaml), ("dir/b.YML", .yaml), ("c.Yaml", .yaml), ("d.json", .json), ("e.JSON", .json),
        ("README.md", .ignored), ("notes.txt", .ignored), ("yaml", .ignored), (".hidden.yaml", .ignored),
        (".github/workflows/ci.yaml", .ignored), ("apps/.secret/x.yaml", .ignored),
        ("kustomization.yaml", .kustomization), ("base/kustomization.yml", .kustomization),
        ("overlay/Kustomization", .kustomization), ("charts/web/Chart.yaml", .helmChart),
    ]

    @Test(arguments: kinds)
    func classification(path: String, kind: ManifestFileKind) {
        #expect(ManifestFileKind(path: path) == kind)
    }

    static let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"

    @Test func ignoredFilesAreNotRead() throws {
        let files = [
            Fixture.text("README.md", "# not: [yaml"),
            Fixture.text(".github/ci.yaml", "on: push: bad"),
            Fixture.text("empty.yaml", ""),
            Fixture.text("comments.yaml", "# only\n# comments\n"),
            Fixture.text("blank.json", "  \n"),
            Fixture.text("apps/c.yaml", Self.configMap),
        ]
        #expect(try ManifestDecoder().decode(files).map(\.location.file) == ["apps/c.yaml"])
    }

    @Test func kustomizeAndHelmAreRefused() throws {
        let files = [
            Fixture.text("base/kustomization.yaml", "resources: [deploy.yaml]\n"),
            Fixture.text("base/deploy.yaml", "not: [valid"),
            Fixture.text("charts/web/Chart.yaml", "apiVersion: v2\nname: web\n"),
            Fixture.text("charts/web/templates/d.yaml", "{{ .Values.x }}"),
            Fixture.text("plain/c.yaml", Self.configMap),
        ]
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode(files) }
        #expect(
            error?.description == """
                base/kustomization.yaml:1: Kustomize rendering is not supported yet; commit the output of `kustomize build` instead
                charts/web/Chart.yaml:1: Helm chart rendering is not supported yet; commit the output of `helm template` instead
                """)
    }

    @Test func noFilesNoManifests() throws {
        #expect(try ManifestDecoder().decode([]).isEmpty)
    }
}
