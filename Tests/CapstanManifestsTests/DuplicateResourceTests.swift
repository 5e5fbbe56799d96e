import CapstanManifests
import CapstanModel
import Testing

/// The same resource defined twice is an error naming both places.
struct DuplicateResourceTests {
    static let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"

    @Test func acrossFiles() throws {
        let files = [
            Fixture.text("a.yaml", Self.deployment),
            Fixture.text("b.yaml", String(repeating: "# padding\n", count: 13) + Self.deployment),
        ]
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode(files) }
        #expect(error?.description == "b.yaml:14: duplicate resource Deployment/default/web: a.yaml:1 and b.yaml:14")
    }

    @Test func inOneFile() throws {
        let file = Fixture.text("a.yaml", Self.deployment + "---\n" + Self.deployment)
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode([file]) }
        #expect(error?.description == "a.yaml:6: duplicate resource Deployment/default/web: a.yaml:1 and a.yaml:6")
    }

    @Test func explicitAndDefaultedNamespaceCollide() throws {
        let withNamespace = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\n"
        let files = [Fixture.text("a.yaml", Self.deployment), Fixture.text("b.yaml", withNamespace)]
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode(files) }
        #expect(
            error?.problems.map(\.description) == [
                "b.yaml:1: duplicate resource Deployment/default/web: a.yaml:1 and b.yaml:1"
            ])
    }

    static let distinct: [String] = [
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: other\n",
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n",
        "apiVersion: extensions.example.com/v1\nkind: Deployment\nmetadata:\n  name: web\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-2\n",
    ]

    @Test(arguments: distinct)
    func differentKeysAreFine(other: String) throws {
        let files = [Fixture.text("a.yaml", Self.deployment), Fixture.text("b.yaml", other)]
        #expect(try ManifestDecoder().decode(files).count == 2)
    }
}
