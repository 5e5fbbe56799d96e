import CapstanModel
import CapstanYAML
import Crypto
import Foundation

/// Reads the positioned YAML of a key file into keys, with strict checks and `file:line` errors.
/// No message quotes a secret: only field names, key names, lengths and lines.
struct KeyFileReader {
    let path: String

    /// The single document's root mapping.
    static func root(of bytes: [UInt8], path: String) throws(SecretsError) -> YAMLNode {
        let documents: [YAMLNode]
        do {
            documents = try YAMLParser.nodes(bytes, file: path)
        } catch {
            throw .malformedKeyFile(path: path, line: error.line, reason: error.message)
        }
        guard documents.count <= 1 else {
            throw .malformedKeyFile(path: path, line: documents[1].line, reason: "expected one YAML document")
        }
        guard let root = documents.first, root.entries != nil else {
            throw .malformedKeyFile(
                path: path, line: documents.first?.line,
                reason: "expected a mapping with `keys:` (a list of {name, secret, created})")
        }
        return root
    }

    /// The keys and sealing keys of `root`, each field checked.
    func read(_ root: YAMLNode) throws(SecretsError) -> ([EncryptionKey], [SealingKey]) {
        var keys: [EncryptionKey]?
        var sealingKeys: [SealingKey] = []
        for entry in root.entries ?? [] {
            switch entry.key {
            case "keys":
                keys = try items(entry, "keys").enumerated().map { (index, item) throws(SecretsError) in
                    try encryptionKey(item, "keys[\(index)]")
                }
            case "sealingKeys":
                sealingKeys = try items(entry, "sealingKeys").enumerated().map { (index, item) throws(SecretsError) in
                    try sealingKey(item, "sealingKeys[\(index)]")
                }
            default:
                throw fail(entry.keyLine, "unknown field '\(entry.key)' (expected keys, sealingKeys)")
            }
        }
        guard let keys else { throw fail(root.line, "missing `keys:`: a list of {name, secret, created}") }
        return (keys, sealingKeys)
    }

    /// The line of the entry a validation problem names.
    func line(of problem: KeyRingProblem, in root: YAMLNode) -> Int? {
        guard let section = problem.section else { return nil }
        var path: [PathComponent] = [.key(section.rawValue)]
        if let index = problem.index { path.append(.index(index)) }
        if let field = problem.field { path.append(.key(field)) }
        return root.closestLine(of: path)
    }

    private func items(_ entry: YAMLNode.Entry, _ field: String) throws(SecretsError) -> [YAMLNode] {
        if case .scalar(.null, _) = entry.value.content, field == "sealingKeys" { return [] }
        guard let items = entry.value.items else {
            throw fail(entry.value.line, "\(field) must be a list, found \(entry.value.typeName)")
        }
        return items
    }

    private func encryptionKey(_ item: YAMLNode, _ label: String) throws(SecretsError) -> EncryptionKey {
        let fields = try fields(item, label, allowed: ["name", "secret", "created"], required: ["name", "secret"])
        let name = try text(fields["name"]!, "\(label).name")
        let secret = try secretBytes(fields["secret"]!, "\(label).secret", count: EncryptionKey.byteCount)
        let created = try fields["created"].map { node throws(SecretsError) in try time(node, "\(label).created") }
        return EncryptionKey(name: name, secret: SymmetricKey(data: secret), created: created)
    }

    private func sealingKey(_ item: YAMLNode, _ label: String) throws(SecretsError) -> SealingKey {
        let fields = try fields(item, label, allowed: ["id", "secret", "created"], required: ["secret"])
        let secret = try secretBytes(fields["secret"]!, "\(label).secret", count: 32)
        guard let privateKey = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: secret) else {
            throw fail(fields["secret"]!.line, "\(label).secret is not an X25519 private key")
        }
        let created = try fields["created"].map { node throws(SecretsError) in try time(node, "\(label).created") }
        let key = SealingKey(privateKey: privateKey, created: created)
        if let idNode = fields["id"], try text(idNode, "\(label).id") != key.keyID {
            throw fail(idNode.line, "\(label).id does not match its secret (the secret's key ID is \(key.keyID))")
        }
        return key
    }

    private func fields(
        _ item: YAMLNode, _ label: String, allowed: Set<String>, required: [String]
    ) throws(SecretsError) -> [String: YAMLNode] {
        guard let entries = item.entries else {
            throw fail(item.line, "\(label) must be a mapping, found \(item.typeName)")
        }
        var fields: [String: YAMLNode] = [:]
        for entry in entries {
            guard allowed.contains(entry.key) else {
                let expected = allowed.sorted().joined(separator: ", ")
                throw fail(entry.keyLine, "unknown field '\(entry.key)' in \(label) (expected \(expected))")
            }
            fields[entry.key] = entry.value
        }
        for name in required where fields[name] == nil {
            throw fail(item.line, "\(label) has no `\(name)`")
        }
        return fields
    }

    private func text(_ node: YAMLNode, _ label: String) throws(SecretsError) -> String {
        guard let text = node.scalarText, !node.value.isNull else {
            throw fail(node.line, "\(label) must be a string, found \(node.typeName)")
        }
        return text
    }

    private func secretBytes(_ node: YAMLNode, _ label: String, count: Int) throws(SecretsError) -> [UInt8] {
        let encoded = try text(node, label)
        guard let bytes = Base64.decode(encoded) else {
            throw fail(node.line, "\(label) is not canonical standard base64 (one line, with `=` padding)")
        }
        guard bytes.count == count else {
            throw fail(node.line, "\(label) is \(bytes.count) bytes; it must be \(count) bytes (\(count * 8) bits)")
        }
        return bytes
    }

    private func time(_ node: YAMLNode, _ label: String) throws(SecretsError) -> Date {
        guard let date = CapstanJSON.parseTimestamp(try text(node, label)) else {
            throw fail(node.line, "\(label) is not an RFC 3339 time such as 2026-01-31T12:00:00Z")
        }
        return date
    }

    private func fail(_ line: Int, _ reason: String) -> SecretsError {
        .malformedKeyFile(path: path, line: line, reason: reason)
    }
}
