import CapstanModel
import CapstanYAML
import Testing

/// Lines of nested nodes are found on demand by re-reading the document.
struct PositionTests {
    static let text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: first
        ---
        # second document
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: Web_1
          labels:
            app: web
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx
                - name: sidecar
                  ports:
                    - containerPort: 8080
        """

    static let table: [(path: [PathComponent], line: Int?)] = [
        ([], 7), (["metadata"], 9), (["metadata", "name"], 10), (["metadata", "labels", "app"], 12),
        (["spec", "template", "spec", "containers", 1], 19),
        (["spec", "template", "spec", "containers", 1, "name"], 19),
        (["spec", "template", "spec", "containers", 1, "ports", 0, "containerPort"], 21),
        (["spec", "template", "spec", "containers", 0, "image"], 18),
        (["metadata", "namespace"], nil), (["spec", "template", "spec", "containers", 5], nil), (["kind", "x"], nil),
    ]

    @Test(arguments: table)
    func lineOfPath(path: [PathComponent], line: Int?) throws {
        let documents = try YAMLParser.documents(Self.text, file: "web.yaml")
        #expect(documents[1].line(of: path) == line)
    }

    @Test func closestLineFallsBackToTheParent() throws {
        let node = try YAMLParser.documents(Self.text)[1].positioned()
        #expect(node.closestLine(of: ["metadata", "namespace"]) == 9)
        #expect(node.closestLine(of: ["status", "phase"]) == 7)
    }

    @Test func positionedValueMatchesFastValue() throws {
        for document in try YAMLParser.documents(Self.text) {
            #expect(try document.positioned().value == document.value)
        }
    }

    @Test func nodesKeepScalarTextAndColumns() throws {
        let node = try #require(try YAMLParser.nodes("cpu: 4\nport:   0x1F\nname: web\n").first)
        #expect(node["cpu"]?.scalarText == "4")
        #expect(node["cpu"]?.value == 4)
        #expect(node["port"]?.scalarText == "0x1F")
        #expect(node["port"]?.column == 9)
        #expect(node.entry("name")?.keyLine == 3)
        #expect(node.entries?.map(\.key) == ["cpu", "port", "name"])
        #expect(node["name"]?.typeName == "string")
    }

    @Test func pathFormatting() {
        #expect(PathComponent.format(["apps", 0, "interval"]) == "apps[0].interval")
        #expect(PathComponent.format(["metadata", "name"]) == "metadata.name")
        #expect(PathComponent.format([]) == "")
    }
}
