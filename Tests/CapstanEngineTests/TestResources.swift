import CapstanEngine
import CapstanModel

/// Plain resources the engine tests build on.
enum TestResources {
    /// A resource from JSON text, so realistic objects read like `kubectl get -o json`.
    static func json(_ text: String) -> Resource {
        do {
            return Resource(try JSONParser.parse(text))
        } catch {
            fatalError("test fixture is not valid JSON: \(error)")
        }
    }

    static func deployment(_ name: String, namespace: String = "shop", replicas: Int = 2, image: String = "nginx:1.25")
        -> Resource
    {
        Resource(
            apiVersion: "apps/v1", kind: "Deployment", namespace: namespace, name: name,
            spec: [
                "replicas": .int(replicas),
                "selector": ["matchLabels": ["app": .string(name)]],
                "template": [
                    "metadata": ["labels": ["app": .string(name)]],
                    "spec": [
                        "containers": [["name": "web", "image": .string(image), "ports": [["containerPort": 80]]]]
                    ],
                ],
            ])
    }

    static func configMap(_ name: String, namespace: String = "shop", data: [String: String] = ["mode": "fast"])
        -> Resource
    {
        var resource = Resource(apiVersion: "v1", kind: "ConfigMap", namespace: namespace, name: name)
        resource.value["data"] = .object(data.mapValues(Value.string))
        return resource
    }

    static func secret(
        _ name: String, namespace: String = "shop", data: [String: String] = [:], stringData: [String: String] = [:]
    ) -> Resource {
        var resource = Resource(apiVersion: "v1", kind: "Secret", namespace: namespace, name: name)
        if !data.isEmpty { resource.value["data"] = .object(data.mapValues(Value.string)) }
        if !stringData.isEmpty { resource.value["stringData"] = .object(stringData.mapValues(Value.string)) }
        return resource
    }

    static func desired(_ resource: Resource, file: String = "apps/shop.yaml", line: Int = 1) -> DesiredResource {
        DesiredState.build([Manifest(resource: resource, location: SourceLocation(file: file, line: line))])[0]
    }

    /// The live object the API server would return for a desired one: status and defaults added.
    static func live(_ resource: Resource) -> Resource {
        var live = resource
        live.value[path: ["metadata", "uid"]] = "0b7c1f2e-uid"
        live.value[path: ["metadata", "resourceVersion"]] = "4711"
        live.value[path: ["metadata", "generation"]] = 1
        live.value["status"] = ["observedGeneration": 1]
        return live
    }
}
