import CapstanModel
import Hummingbird

/// The answer to a fault-injection call: what was done, to what, in a sentence.
enum SimulationResult {
    /// `{"action": "kill-pod", "object": {"kind", "namespace", "name"}, "message": "pod/web-1 killed"}`.
    static func object(
        _ key: ResourceKey, action: String, message: String, extra: [String: Value] = [:]
    ) -> Response {
        var object: Value = ["kind": .string(key.kind), "name": .string(key.name)]
        if !key.namespace.isEmpty { object["namespace"] = .string(key.namespace) }
        var fields: [String: Value] = ["action": .string(action), "object": object, "message": .string(message)]
        fields.merge(extra) { current, _ in current }
        return JSONText.response(Value.object(fields))
    }

    /// `{"action": "image-fail", "image": "nginx:1.27", "message": "pulls of nginx:1.27 now fail"}`.
    static func image(_ image: String, action: String, message: String) -> Response {
        JSONText.response(["action": .string(action), "image": .string(image), "message": .string(message)])
    }
}
