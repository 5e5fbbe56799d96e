import CapstanModel
import Foundation

/// Turns a Kubernetes Secret into a SealedSecret that only the holder of the sealing private key can open:
/// one ciphertext per data key, bound to the scope, namespace, name (strict scope) and data key.
public enum Sealer {
    /// The annotation `kubectl apply` leaves on objects: it holds the whole Secret in plaintext, so it is dropped.
    static let lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"

    /// Seals `secret` (a v1 Secret with `data` and/or `stringData`; `stringData` wins, as in Kubernetes) to
    /// `publicKey`. `file` names the input in errors.
    public static func seal(
        secret: Resource, publicKey: SealingPublicKey, scope: SealingScope = .strict, file: String = "-"
    ) throws(SealedSecretError) -> Resource {
        let subject = "Secret \(secret.namespace)/\(secret.name)"
        func fail(_ problem: SealedSecretError.Problem, key: String? = nil) -> SealedSecretError {
            SealedSecretError(file: file, resource: subject, dataKey: key, problem: problem)
        }
        guard secret.apiVersion == "v1", secret.kind == "Secret" else {
            throw fail(.malformed("expected apiVersion v1, kind Secret; found \(secret.apiVersion) \(secret.kind)"))
        }
        guard !secret.name.isEmpty else { throw fail(.malformed("metadata.name is required")) }
        guard !secret.namespace.isEmpty else {
            throw fail(.malformed("metadata.namespace is required: it is bound into every sealed value"))
        }
        let values = try plaintextValues(of: secret, fail: fail)
        let binding = SealedBinding(scope: scope, namespace: secret.namespace, name: secret.name)
        var encrypted: [String: Value] = [:]
        for (key, plaintext) in values {
            do {
                let sealed = try SealedValue.seal(plaintext, to: publicKey, binding: binding, dataKey: key)
                encrypted[key] = .string(Base64.encode(sealed))
            } catch {
                throw fail(.malformed("encryption failed (\(type(of: error)))"), key: key)
            }
        }
        var sealed = Resource(
            apiVersion: "capstan.io/v1", kind: "SealedSecret", namespace: secret.namespace, name: secret.name)
        sealed.spec = [
            "scope": .string(scope.rawValue),
            "encryptedData": .object(encrypted),
            "template": template(of: secret),
        ]
        return sealed
    }

    /// Decoded `data` merged with `stringData`, keyed by data key.
    private static func plaintextValues(
        of secret: Resource, fail: (SealedSecretError.Problem, String?) -> SealedSecretError
    ) throws(SealedSecretError) -> [String: [UInt8]] {
        var values: [String: [UInt8]] = [:]
        for field in ["data", "stringData"] {
            guard let member = secret.value[field], !member.isNull else { continue }
            guard let object = member.objectValue else {
                throw fail(.malformed("\(field) must be a mapping, found \(member.typeName)"), nil)
            }
            for (key, value) in object {
                guard SecretDataKey.isValid(key) else { throw fail(.malformed(SecretDataKey.rule), key) }
                guard let text = value.stringValue else {
                    throw fail(.malformed("\(field) values must be strings, found \(value.typeName)"), key)
                }
                if field == "stringData" {
                    values[key] = Array(text.utf8)
                } else {
                    let joined = text.filter { $0 != "\n" && $0 != "\r" }
                    guard let bytes = Data(base64Encoded: joined) else { throw fail(.badBase64, key) }
                    values[key] = [UInt8](bytes)
                }
            }
        }
        return values
    }

    /// `type` and the labels and annotations to put on the Secret when it is opened.
    private static func template(of secret: Resource) -> Value {
        var metadata: [String: Value] = [:]
        if !secret.labels.isEmpty { metadata["labels"] = .object(secret.labels.mapValues(Value.string)) }
        var annotations = secret.annotations
        annotations[lastAppliedAnnotation] = nil
        if !annotations.isEmpty { metadata["annotations"] = .object(annotations.mapValues(Value.string)) }
        var template: [String: Value] = ["type": .string(secret.value["type"]?.stringValue ?? "Opaque")]
        if !metadata.isEmpty { template["metadata"] = .object(metadata) }
        return .object(template)
    }
}
