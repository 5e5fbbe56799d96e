import CapstanModel
import Foundation
import Testing

@testable import CapstanDockerBackend

/// The files of ConfigMap and Secret volumes as the kubelet projects them, and errors that name the object and
/// key, never a value.
@Suite struct PodConfigVolumesTests {
    static let objects: [ResourceKey: Resource] = {
        var config = Resource(apiVersion: "v1", kind: "ConfigMap", namespace: "shop", name: "app")
        config.value["data"] = ["a.conf": "A", "b.conf": "B"]
        config.value["binaryData"] = ["logo": .string(Data([0, 1, 2]).base64EncodedString())]
        var secret = Resource(apiVersion: "v1", kind: "Secret", namespace: "shop", name: "db")
        secret.value["data"] = ["password": .string(Data("s3cret".utf8).base64EncodedString())]
        return [config.key: config, secret.key: secret]
    }()

    static func files(_ volume: Value) throws -> [VolumeFile] {
        var pod = Resource(apiVersion: "v1", kind: "Pod", namespace: "shop", name: "web-1")
        pod.value["spec"] = ["volumes": [volume]]
        let name = volume["name"]?.stringValue ?? ""
        return try PodConfigVolumes.files(of: pod, object: { objects[$0] })[name] ?? []
    }

    @Test(arguments: [
        (
            ["name": "v", "configMap": ["name": "app"]] as Value,
            [
                VolumeFile(path: "a.conf", contents: Array("A".utf8), mode: 0o644),
                VolumeFile(path: "b.conf", contents: Array("B".utf8), mode: 0o644),
                VolumeFile(path: "logo", contents: [0, 1, 2], mode: 0o644),
            ]
        ),
        (
            [
                "name": "v",
                "configMap": [
                    "name": "app", "defaultMode": 0o440,
                    "items": [
                        ["key": "b.conf", "path": "conf/b"], ["key": "a.conf", "path": "a", "mode": 0o600],
                    ],
                ],
            ] as Value,
            [
                VolumeFile(path: "conf/b", contents: Array("B".utf8), mode: 0o440),
                VolumeFile(path: "a", contents: Array("A".utf8), mode: 0o600),
            ]
        ),
        (
            ["name": "v", "secret": ["secretName": "db"]] as Value,
            [VolumeFile(path: "password", contents: Array("s3cret".utf8), mode: 0o644)]
        ),
        (["name": "v", "secret": ["secretName": "gone", "optional": true]] as Value, []),
        (
            [
                "name": "v",
                "configMap": [
                    "name": "app", "optional": true,
                    "items": [
                        ["key": "nope", "path": "n"], ["key": "a.conf", "path": "a"],
                    ],
                ],
            ] as Value,
            [VolumeFile(path: "a", contents: Array("A".utf8), mode: 0o644)]
        ),
    ])
    func filesFollowKeysItemsAndModes(volume: Value, expected: [VolumeFile]) throws {
        #expect(try Self.files(volume) == expected)
    }

    @Test(arguments: [
        (
            ["name": "v", "secret": ["secretName": "gone"]] as Value,
            "pod shop/web-1 volume v: secret \"gone\" not found"
        ),
        (
            ["name": "v", "configMap": ["name": "missing"]] as Value,
            "pod shop/web-1 volume v: configmap \"missing\" not found"
        ),
        (
            ["name": "v", "secret": ["secretName": "db", "items": [["key": "token", "path": "t"]]]] as Value,
            "pod shop/web-1 volume v: couldn't find key token in Secret shop/db"
        ),
        (
            ["name": "v", "configMap": ["name": "app", "items": [["key": "a.conf", "path": "../x"]]]] as Value,
            "pod shop/web-1 volume v: item path \"../x\" must be relative, without '..' or '//'"
        ),
        (
            ["name": "v", "configMap": ["name": "app", "defaultMode": 0o1777]] as Value,
            "pod shop/web-1 volume v: a mode must be between 0 and 0777 (decimal 0 to 511)"
        ),
    ])
    func missingObjectsAndKeysAreNamed(volume: Value, message: String) {
        let error = #expect(throws: PodContainerSpecError.self) { try Self.files(volume) }
        #expect(error?.message == message)
        #expect(error?.message.contains("s3cret") == false)
    }

    @Test func aFileShowsItsSizeNotItsBytes() {
        let file = VolumeFile(path: "password", contents: Array("s3cret".utf8), mode: 0o400)
        #expect("\(file)" == "password (6 bytes, mode 400)")
    }
}
