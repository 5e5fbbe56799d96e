import CapstanModel

/// Opens a SealedSecret into the v1 Secret it was made from, with any of the service's sealing keys.
public enum Unsealer {
    /// The Secret sealed in `sealed`, with `data` as base64. Fails naming `file`, the resource and the data key
    /// when the SealedSecret was moved, renamed, tampered with, sealed for an unknown key or is malformed;
    /// values are opened in data-key order and the first failure is thrown.
    public static func unseal(sealed: Resource, keys: [SealingKey], file: String) throws(SealedSecretError) -> Resource
    {
        let subject = "SealedSecret \(sealed.namespace)/\(sealed.name)"
        func fail(_ problem: SealedSecretError.Problem, key: String? = nil) -> SealedSecretError {
            SealedSecretError(file: file, resource: subject, dataKey: key, problem: problem)
        }
        guard sealed.apiVersion == "capstan.io/v1", sealed.kind == "SealedSecret" else {
            throw fail(.malformed("expected apiVersion capstan.io/v1, kind SealedSecret"))
        }
        guard !sealed.name.isEmpty, !sealed.namespace.isEmpty else {
            throw fail(.malformed("metadata.name and metadata.namespace are required"))
        }
        let spec = sealed.spec ?? .object([:])
        let scope = try scope(of: spec, fail: fail)
        guard let encrypted = spec["encryptedData"]?.objectValue else {
            throw fail(.malformed("spec.encryptedData must be a mapping of data keys to sealed values"))
        }
        guard !keys.isEmpty || encrypted.isEmpty else { throw fail(.noSealingKeys) }
        let binding = SealedBinding(scope: scope, namespace: sealed.namespace, name: sealed.name)
        var data: [String: Value] = [:]
        for key in encrypted.keys.sorted() {
            guard let text = encrypted[key]?.stringValue else {
                throw fail(.malformed("sealed values must be strings"), key: key)
            }
            guard let bytes = Base64.decode(text) else { throw fail(.badBase64, key: key) }
            do {
                let plaintext = try SealedValue.open(bytes, keys: keys, binding: binding, dataKey: key)
                data[key] = .string(Base64.encode(plaintext))
            } catch {
                throw fail(error, key: key)
            }
        }
        return try secret(named: sealed, template: spec["template"], data: data, fail: fail)
    }

    private static func scope(
        of spec: Value, fail: (SealedSecretError.Problem, String?) -> SealedSecretError
    ) throws(SealedSecretError) -> SealingScope {
        guard let member = spec["scope"], !member.isNull else { return .strict }
        guard let text = member.stringValue, let scope = SealingScope(rawValue: text) else {
            throw fail(.malformed("spec.scope must be strict or namespace"), nil)
        }
        return scope
    }

    /// The Secret: name and namespace of the SealedSecret, type and labels/annotations of the template.
    private static func secret(
        named sealed: Resource, template: Value?, data: [String: Value],
        fail: (SealedSecretError.Problem, String?) -> SealedSecretError
    ) throws(SealedSecretError) -> Resource {
        var secret = Resource(apiVersion: "v1", kind: "Secret", namespace: sealed.namespace, name: sealed.name)
        let template = template ?? .object([:])
        guard template.objectValue != nil else { throw fail(.malformed("spec.template must be a mapping"), nil) }
        let type = template["type"] ?? "Opaque"
        guard type.stringValue != nil else { throw fail(.malformed("spec.template.type must be a string"), nil) }
        for field in ["labels", "annotations"] {
            guard let map = template[path: ["metadata", field]], !map.isNull else { continue }
            guard let members = map.objectValue, members.values.allSatisfy({ $0.stringValue != nil }) else {
                throw fail(.malformed("spec.template.metadata.\(field) must map strings to strings"), nil)
            }
            secret.value[path: ["metadata", field]] = map
        }
        secret.value["type"] = type
        secret.value["data"] = .object(data)
        return secret
    }
}
