import CapstanEngine
import CapstanModel
import Testing

/// One diff case: a desired and a live value of the same resource, and the paths that differ.
struct DiffCase: Sendable, CustomTestStringConvertible {
    let name: String
    let desired: Value
    let live: Value
    let paths: [String]
    var testDescription: String { name }
}

/// `ResourceDiffer`: only fields the manifest sets are compared.
struct DiffTests {
    static func container(_ fields: Value) -> Value {
        ["spec": ["template": ["spec": ["containers": [fields]]]]]
    }

    static func resources(_ requests: Value) -> Value {
        container(["name": "web", "resources": ["requests": requests, "limits": requests]])
    }

    static let subsetCases: [DiffCase] = [
        DiffCase(name: "identical", desired: ["spec": ["replicas": 2]], live: ["spec": ["replicas": 2]], paths: []),
        DiffCase(
            name: "keys only in live are ignored",
            desired: ["spec": ["replicas": 2]],
            live: ["spec": ["replicas": 2, "revisionHistoryLimit": 10], "status": ["replicas": 2]], paths: []),
        DiffCase(
            name: "a desired key missing in live", desired: ["spec": ["replicas": 2, "paused": false]],
            live: ["spec": ["replicas": 2]], paths: ["spec.paused"]),
        DiffCase(
            name: "a changed scalar", desired: ["spec": ["replicas": 3]], live: ["spec": ["replicas": 5]],
            paths: ["spec.replicas"]),
        DiffCase(
            name: "several differences come sorted",
            desired: ["spec": ["b": 1, "a": 1, "c": ["z": 1, "y": 1]]],
            live: ["spec": ["b": 2, "a": 2, "c": ["z": 2, "y": 2]]],
            paths: ["spec.a", "spec.b", "spec.c.y", "spec.c.z"]),
        DiffCase(
            name: "object replaced by a scalar", desired: ["spec": ["strategy": ["type": "Recreate"]]],
            live: ["spec": ["strategy": "Recreate"]], paths: ["spec.strategy"]),
        DiffCase(
            name: "keys that are not plain words are quoted",
            desired: ["metadata": ["labels": ["app.kubernetes.io/name": "web"]]],
            live: ["metadata": ["labels": ["app.kubernetes.io/name": "api"]]],
            paths: [#"metadata.labels["app.kubernetes.io/name"]"#]),
    ]

    static let arrayCases: [DiffCase] = [
        DiffCase(
            name: "an image changed in a container",
            desired: container(["name": "web", "image": "nginx:1.26"]),
            live: container(["name": "web", "image": "nginx:1.25"]),
            paths: ["spec.template.spec.containers[0].image"]),
        DiffCase(
            name: "a default added inside a container is ignored",
            desired: container(["name": "web", "image": "nginx:1.25"]),
            live: container([
                "name": "web", "image": "nginx:1.25", "imagePullPolicy": "IfNotPresent",
                "terminationMessagePath": "/dev/termination-log",
            ]),
            paths: []),
        DiffCase(
            name: "a container removed from live",
            desired: ["spec": ["containers": [["name": "web"], ["name": "sidecar"]]]],
            live: ["spec": ["containers": [["name": "web"]]]],
            paths: ["spec.containers[1]"]),
        DiffCase(
            name: "a container added in live",
            desired: ["spec": ["containers": [["name": "web"]]]],
            live: ["spec": ["containers": [["name": "web"], ["name": "debug"]]]],
            paths: ["spec.containers[1]"]),
        DiffCase(
            name: "elements compared by position",
            desired: ["args": ["--a", "--b"]], live: ["args": ["--b", "--a"]], paths: ["args[0]", "args[1]"]),
    ]

    static let numberAndNullCases: [DiffCase] = [
        DiffCase(
            name: "1 equals 1.0", desired: ["spec": ["replicas": 1]], live: ["spec": ["replicas": 1.0]], paths: []),
        DiffCase(name: "1.0 equals 1", desired: ["weight": 1.0], live: ["weight": 1], paths: []),
        DiffCase(name: "1 differs from 1.5", desired: ["weight": 1], live: ["weight": 1.5], paths: ["weight"]),
        DiffCase(
            name: "a number differs from its text outside quantities",
            desired: ["spec": ["port": "80"]], live: ["spec": ["port": 80]], paths: ["spec.port"]),
        DiffCase(
            name: "null matches a missing field", desired: ["spec": ["nodeSelector": nil]], live: ["spec": [:]],
            paths: []),
        DiffCase(
            name: "null sets nothing, so it matches any live value",
            desired: ["spec": ["replicas": nil]], live: ["spec": ["replicas": 1]], paths: []),
        DiffCase(
            name: "an empty map matches a field the server omitted",
            desired: ["metadata": ["annotations": [:]], "spec": ["args": []]], live: ["metadata": [:], "spec": [:]],
            paths: []),
        DiffCase(
            name: "a non-empty map missing in live still differs",
            desired: ["metadata": ["annotations": ["a": "b"]]], live: ["metadata": [:]], paths: ["metadata.annotations"]
        ),
    ]

    static let quantityCases: [DiffCase] = [
        DiffCase(name: "cpu \"1\" equals 1", desired: resources(["cpu": "1"]), live: resources(["cpu": 1]), paths: []),
        DiffCase(
            name: "cpu 1 equals \"1000m\"", desired: resources(["cpu": 1]), live: resources(["cpu": "1000m"]), paths: []
        ),
        DiffCase(
            name: "cpu 0.5 equals \"500m\"", desired: resources(["cpu": 0.5]), live: resources(["cpu": "500m"]),
            paths: []),
        DiffCase(
            name: "memory 1Gi equals 1024Mi", desired: resources(["memory": "1Gi"]),
            live: resources(["memory": "1024Mi"]), paths: []),
        DiffCase(
            name: "memory 1Gi differs from 1G",
            desired: container(["name": "web", "resources": ["limits": ["memory": "1Gi"]]]),
            live: container(["name": "web", "resources": ["limits": ["memory": "1G"]]]),
            paths: ["spec.template.spec.containers[0].resources.limits.memory"]),
        DiffCase(
            name: "cpu 2 differs from 1",
            desired: container(["name": "web", "resources": ["requests": ["cpu": "2"]]]),
            live: container(["name": "web", "resources": ["requests": ["cpu": "1"]]]),
            paths: ["spec.template.spec.containers[0].resources.requests.cpu"]),
        DiffCase(
            name: "claim storage 10Gi equals 10240Mi",
            desired: ["spec": ["resources": ["requests": ["storage": "10Gi"]]]],
            live: ["spec": ["resources": ["requests": ["storage": "10240Mi"]]]], paths: []),
        DiffCase(
            name: "quota hard 1k equals 1000", desired: ["spec": ["hard": ["pods": "1k"]]],
            live: ["spec": ["hard": ["pods": "1000"]]], paths: []),
        DiffCase(
            name: "quantities only where Kubernetes has them",
            desired: ["spec": ["size": "1Gi"]], live: ["spec": ["size": "1024Mi"]], paths: ["spec.size"]),
    ]

    static let protocolCases: [DiffCase] = [
        DiffCase(
            name: "container port TCP matches a port without protocol",
            desired: container(["name": "web", "ports": [["containerPort": 80, "protocol": "TCP"]]]),
            live: container(["name": "web", "ports": [["containerPort": 80]]]), paths: []),
        DiffCase(
            name: "service port TCP matches a port without protocol",
            desired: ["spec": ["ports": [["port": 80, "protocol": "TCP"]]]],
            live: ["spec": ["ports": [["port": 80]]]], paths: []),
        DiffCase(
            name: "UDP does not match a port without protocol",
            desired: ["spec": ["ports": [["port": 53, "protocol": "UDP"]]]],
            live: ["spec": ["ports": [["port": 53]]]], paths: ["spec.ports[0].protocol"]),
        DiffCase(
            name: "TCP differs from a live UDP",
            desired: ["spec": ["ports": [["port": 53, "protocol": "TCP"]]]],
            live: ["spec": ["ports": [["port": 53, "protocol": "UDP"]]]], paths: ["spec.ports[0].protocol"]),
        DiffCase(
            name: "the TCP default applies only to ports",
            desired: ["spec": ["protocol": "TCP"]], live: ["spec": [:]], paths: ["spec.protocol"]),
    ]

    static func paths(_ diffCase: DiffCase) -> [String] {
        ResourceDiffer.differences(desired: Resource(diffCase.desired), live: Resource(diffCase.live)).map(\.path)
    }

    @Test(arguments: subsetCases)
    func subsetSemantics(_ diffCase: DiffCase) {
        #expect(Self.paths(diffCase) == diffCase.paths)
    }

    @Test(arguments: arrayCases)
    func arrays(_ diffCase: DiffCase) {
        #expect(Self.paths(diffCase) == diffCase.paths)
    }

    @Test(arguments: numberAndNullCases)
    func numbersAndNull(_ diffCase: DiffCase) {
        #expect(Self.paths(diffCase) == diffCase.paths)
    }

    @Test(arguments: quantityCases)
    func quantities(_ diffCase: DiffCase) {
        #expect(Self.paths(diffCase) == diffCase.paths)
    }

    @Test(arguments: protocolCases)
    func portProtocolDefault(_ diffCase: DiffCase) {
        #expect(Self.paths(diffCase) == diffCase.paths)
    }

    /// Each kind of difference carries the values a person needs, rendered as compact JSON.
    @Test(
        arguments: [
            (
                ["spec": ["replicas": 3]], ["spec": ["replicas": 5]],
                FieldDifference(path: "spec.replicas", kind: .changed, desired: "3", live: "5"), "spec.replicas: 5 → 3"
            ),
            (
                ["spec": ["paused": true]], ["spec": [:]],
                FieldDifference(path: "spec.paused", kind: .missing, desired: "true", live: nil),
                "spec.paused: missing (want true)"
            ),
            (
                ["args": ["--a"]], ["args": ["--a", "--debug"]],
                FieldDifference(path: "args[1]", kind: .extra, desired: nil, live: #""--debug""#),
                #"args[1]: unexpected element "--debug""#
            ),
        ] as [(Value, Value, FieldDifference, String)])
    func differenceValues(desired: Value, live: Value, expected: FieldDifference, text: String) {
        let differences = ResourceDiffer.differences(desired: Resource(desired), live: Resource(live))
        #expect(differences == [expected])
        #expect(differences.first?.description == text)
    }

    @Test func longValuesAreCut() throws {
        let long = String(repeating: "x", count: 500)
        let differences = ResourceDiffer.differences(
            desired: Resource(["note": .string(long)]), live: Resource(["note": "y"]))
        let rendered = try #require(differences.first?.desired)
        #expect(rendered.count == 201)
        #expect(rendered.hasSuffix("…"))
    }

    @Test func aRealDeploymentAgainstItsLiveObjectHasNoDifferences() {
        let desired = TestResources.deployment("web")
        var live = TestResources.live(desired)
        live.value[path: ["spec", "template", "spec", "containers"]] = [
            [
                "name": "web", "image": "nginx:1.25", "imagePullPolicy": "IfNotPresent",
                "ports": [["containerPort": 80, "protocol": "TCP"]], "resources": [:],
            ]
        ]
        live.value[path: ["spec", "strategy"]] = ["type": "RollingUpdate"]
        #expect(ResourceDiffer.differences(desired: desired, live: live).isEmpty)
    }
}
