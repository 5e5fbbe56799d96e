import CapstanModel
import Foundation
import Testing

@testable import CapstanCluster

/// A container's environment as the kubelet builds it from the pod spec, ConfigMaps, Secrets and Services.
@Suite struct PodEnvironmentTests {
    static func pod(_ container: Value) -> Resource {
        var pod = Resource(apiVersion: "v1", kind: "Pod", namespace: "shop", name: "web-abc")
        pod.value["spec"] = ["nodeName": "docker-1", "containers": [container]]
        pod.value[path: ["metadata", "labels"]] = ["app": "web"]
        pod.value[path: ["metadata", "uid"]] = "uid-1"
        pod.value["status"] = ["podIP": "127.0.0.1"]
        return pod
    }

    static let objects: [ResourceKey: Resource] = {
        var config = Resource(apiVersion: "v1", kind: "ConfigMap", namespace: "shop", name: "settings")
        config.value["data"] = ["MODE": "fast", "bad name": "x", "LEVEL": "3"]
        var secret = Resource(apiVersion: "v1", kind: "Secret", namespace: "shop", name: "db")
        secret.value["data"] = ["password": .string(Data("s3cr3t".utf8).base64EncodedString())]
        return [config.key: config, secret.key: secret]
    }()

    static func build(_ container: Value, links: [String: String] = [:]) throws -> [String: String] {
        let result = try PodEnvironment.build(
            container: container, pod: pod(container), object: { objects[$0] }, serviceLinks: links)
        return Dictionary(uniqueKeysWithValues: result.variables.map { ($0.name, $0.value) })
    }

    @Test func envFromEnvAndValueFromResolveWithExpansionAndServiceLinks() throws {
        let container: Value = [
            "name": "app",
            "envFrom": [["configMapRef": ["name": "settings"], "prefix": "CFG_"]],
            "env": [
                ["name": "PASSWORD", "valueFrom": ["secretKeyRef": ["name": "db", "key": "password"]]],
                ["name": "URL", "value": "http://$(WEB_SERVICE_HOST):$(PORT_X)/$(CFG_MODE)?$$(KEEP)"],
                ["name": "POD", "valueFrom": ["fieldRef": ["fieldPath": "metadata.name"]]],
                ["name": "APP", "valueFrom": ["fieldRef": ["fieldPath": "metadata.labels['app']"]]],
                ["name": "MEM", "valueFrom": ["resourceFieldRef": ["resource": "limits.memory", "divisor": "1Mi"]]],
                ["name": "WEB_SERVICE_PORT", "value": "mine"],
            ],
            "resources": ["limits": ["memory": "64Mi"]],
        ]
        let env = try Self.build(container, links: ["WEB_SERVICE_HOST": "127.0.0.1", "WEB_SERVICE_PORT": "80"])
        #expect(env["CFG_MODE"] == "fast" && env["CFG_LEVEL"] == "3")
        #expect(env["PASSWORD"] == "s3cr3t")
        #expect(env["URL"] == "http://127.0.0.1:$(PORT_X)/fast?$(KEEP)")
        #expect(env["POD"] == "web-abc" && env["APP"] == "web")
        #expect(env["MEM"] == "64")
        #expect(env["WEB_SERVICE_HOST"] == "127.0.0.1")
        #expect(env["WEB_SERVICE_PORT"] == "mine", "the container's own variable wins over a service link")
        let skipped = try PodEnvironment.build(
            container: container, pod: Self.pod(container), object: { Self.objects[$0] }
        ).skipped
        #expect(skipped == ["CFG_bad name"])
    }

    @Test(arguments: [
        (["secretKeyRef": ["name": "nope", "key": "k"]] as Value, "secret \"nope\" not found"),
        (["secretKeyRef": ["name": "db", "key": "user"]] as Value, "couldn't find key user in Secret shop/db"),
        (
            ["configMapKeyRef": ["name": "settings", "key": "X"]] as Value,
            "couldn't find key X in ConfigMap shop/settings"
        ),
        (["fieldRef": ["fieldPath": "spec.secret"]] as Value, "env V: unsupported fieldRef spec.secret"),
    ])
    func aMissingReferenceIsAConfigErrorNamingIt(valueFrom: Value, message: String) {
        let container: Value = ["name": "app", "env": [["name": "V", "valueFrom": valueFrom]]]
        let error = #expect(throws: PodEnvironmentError.self) { try Self.build(container) }
        #expect(error?.message == message)
        #expect(error?.message.contains("s3cr3t") == false)
    }

    @Test func optionalReferencesToMissingObjectsOrKeysAreLeftOut() throws {
        let container: Value = [
            "name": "app",
            "envFrom": [["secretRef": ["name": "absent", "optional": true]]],
            "env": [
                ["name": "A", "valueFrom": ["configMapKeyRef": ["name": "absent", "key": "k", "optional": true]]],
                ["name": "B", "valueFrom": ["secretKeyRef": ["name": "db", "key": "nope", "optional": true]]],
                ["name": "C", "value": "c"],
            ],
        ]
        #expect(try Self.build(container) == ["C": "c"])
    }

    @Test(arguments: [
        ("plain", "plain"), ("$", "$"), ("a$b", "a$b"), ("$$", "$"), ("$(", "$("), ("$(X", "$(X"),
        ("$(X)$(Y)", "xy"), ("$$(X)", "$(X)"), ("$(Z)", "$(Z)"),
    ])
    func expansionFollowsKubernetes(input: String, output: String) {
        #expect(PodEnvironment.expand(input, with: ["X": "x", "Y": "y"]) == output)
    }
}
