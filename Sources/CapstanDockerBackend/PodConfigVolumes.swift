import CapstanCluster
import CapstanModel
import Foundation

/// The ConfigMap and Secret volumes of a pod as files, with the kubelet's semantics: every key of the object or
/// only `items` (key → path, with their own `mode`), `defaultMode` (0644), `optional`, Secret `data` and ConfigMap
/// `binaryData` base64-decoded. A missing object or key names the object and key, never a value.
enum PodConfigVolumes {
    /// The pod's `configMap` and `secret` volumes.
    static func volumes(of pod: Resource) -> [Value] {
        (pod.value[path: ["spec", "volumes"]]?.arrayValue ?? []).filter {
            $0["configMap"] != nil || $0["secret"] != nil
        }
    }

    /// The ConfigMaps and Secrets the pod's volumes read.
    static func references(of pod: Resource) -> [ResourceKey] {
        volumes(of: pod).compactMap { source(of: $0, namespace: pod.namespace)?.key }
    }

    /// The files of each ConfigMap or Secret volume of `pod`, by volume name; `object` looks up the pod's
    /// ConfigMaps and Secrets.
    static func files(of pod: Resource, object: (ResourceKey) -> Resource?) throws(PodContainerSpecError)
        -> [String: [VolumeFile]]
    {
        var result: [String: [VolumeFile]] = [:]
        for volume in volumes(of: pod) {
            guard let name = volume["name"]?.stringValue, let source = source(of: volume, namespace: pod.namespace)
            else { continue }
            result[name] = try files(of: source, volume: name, pod: pod, object: object(source.key))
        }
        return result
    }

    /// A volume's object and options.
    struct Source {
        var key: ResourceKey
        var settings: Value
        var optional: Bool { settings["optional"]?.boolValue ?? false }
        var label: String { "\(key.kind == "Secret" ? "secret" : "configmap") \"\(key.name)\"" }
    }

    static func source(of volume: Value, namespace: String) -> Source? {
        if let settings = volume["configMap"] {
            let key = ResourceKey(
                group: "", kind: "ConfigMap", namespace: namespace, name: settings["name"]?.stringValue ?? "")
            return Source(key: key, settings: settings)
        }
        if let settings = volume["secret"] {
            let key = ResourceKey(
                group: "", kind: "Secret", namespace: namespace, name: settings["secretName"]?.stringValue ?? "")
            return Source(key: key, settings: settings)
        }
        return nil
    }

    static func files(of source: Source, volume: String, pod: Resource, object: Resource?)
        throws(PodContainerSpecError) -> [VolumeFile]
    {
        let subject = "pod \(pod.namespace)/\(pod.name) volume \(volume)"
        guard let object else {
            if source.optional { return [] }
            throw PodContainerSpecError("\(subject): \(source.label) not found")
        }
        let data = try contents(of: object, subject: subject)
        let defaultMode = try mode(source.settings["defaultMode"], default: 0o644, subject: subject)
        guard let items = source.settings["items"]?.arrayValue else {
            return data.keys.sorted().map { VolumeFile(path: $0, contents: data[$0]!, mode: defaultMode) }
        }
        var files: [VolumeFile] = []
        for item in items {
            let key = item["key"]?.stringValue ?? ""
            let path = item["path"]?.stringValue ?? ""
            try checkPath(path, subject: subject)
            guard let bytes = data[key] else {
                if source.optional { continue }
                throw PodContainerSpecError(
                    "\(subject): couldn't find key \(key) in \(object.kind) \(object.namespace)/\(object.name)")
            }
            files.append(
                VolumeFile(
                    path: path, contents: bytes, mode: try mode(item["mode"], default: defaultMode, subject: subject)))
        }
        return files
    }

    /// The object's keys and their bytes: ConfigMap `data` as written and `binaryData` decoded, Secret `data`
    /// decoded.
    static func contents(of object: Resource, subject: String) throws(PodContainerSpecError) -> [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        let isSecret = object.kind == "Secret"
        for (key, value) in object.value["data"]?.objectValue ?? [:] {
            let text = value.stringValue ?? ""
            contents[key] = isSecret ? try decode(text, key: key, object: object, subject: subject) : Array(text.utf8)
        }
        if !isSecret {
            for (key, value) in object.value["binaryData"]?.objectValue ?? [:] {
                contents[key] = try decode(value.stringValue ?? "", key: key, object: object, subject: subject)
            }
        }
        return contents
    }

    static func decode(_ base64: String, key: String, object: Resource, subject: String)
        throws(PodContainerSpecError) -> [UInt8]
    {
        guard let data = Data(base64Encoded: base64) else {
            throw PodContainerSpecError(
                "\(subject): key \(key) of \(object.kind) \(object.namespace)/\(object.name) is not valid base64")
        }
        return Array(data)
    }

    /// A mode from the manifest (permission bits, 0 to 0777).
    static func mode(_ value: Value?, default fallback: Int, subject: String) throws(PodContainerSpecError) -> Int {
        guard let value else { return fallback }
        guard let mode = value.intValue, (0...0o777).contains(mode) else {
            throw PodContainerSpecError("\(subject): a mode must be between 0 and 0777 (decimal 0 to 511)")
        }
        return mode
    }

    /// Kubernetes' rule for `items[].path`: relative, no `..` element, not empty.
    static func checkPath(_ path: String, subject: String) throws(PodContainerSpecError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !parts.contains(".."), !parts.contains("") else {
            throw PodContainerSpecError("\(subject): item path \"\(path)\" must be relative, without '..' or '//'")
        }
    }
}
