import CapstanModel
import Foundation

extension StateStore {
    /// Reads one stored record back: the object when it is plain JSON (not for Secrets and ConfigMaps when the
    /// store has a key ring) or decrypts to valid JSON, else why not.
    /// Reasons name the record and the key, never its bytes.
    func readRecord(_ body: [UInt8], id: String, cluster: String) -> (object: Resource?, ObjectRecordCondition) {
        var json = body
        if body.first == UInt8(ascii: "{") {
            // Once there is a key ring every Secret and ConfigMap is written encrypted: a plain one was either
            // written before encryption at rest (rewrap encrypts those) or planted by someone who can write the
            // state but lacks the key. Reading it would let them forge a value.
            if cipher != nil, let key = ResourceKey(id: id), Self.holdsConfigurationData(key) {
                return (
                    nil,
                    .corrupt(
                        reason: "it is stored unencrypted, which Capstan never does once it has a key ring (a record "
                            + "from before encryption at rest: run `capstan keys rewrap --config FILE` once to "
                            + "encrypt those; otherwise it was put there by hand)")
                )
            }
        } else {
            let text = String(decoding: body, as: UTF8.self)
            guard let cipher else { return (nil, .noKeyRing) }
            guard let name = cipher.keyName(of: text) else {
                return (nil, .corrupt(reason: "its record is neither JSON nor an encrypted record"))
            }
            guard cipher.decryptingKeyNames.contains(name) else { return (nil, .unknownKey(name)) }
            do {
                json = try cipher.open(text, identity: Self.identity(cluster: cluster, id: id))
            } catch {
                return (nil, .corrupt(reason: "\(error)"))
            }
        }
        do {
            return (Resource(try JSONParser.parse(json)), .readable)
        } catch {
            // The position only: the parser's message may quote a character of the value.
            return (nil, .corrupt(reason: "its record is not valid JSON (line \(error.line), column \(error.column))"))
        }
    }

    /// The command that deletes a corrupt record, for messages: `capstan admin delete-corrupt Secret ns/name …`.
    static func deleteCorruptCommand(cluster: String, key: ResourceKey) -> String {
        let kind = key.group.isEmpty ? key.kind : "\(key.kind).\(key.group)"
        let object = key.namespace.isEmpty ? key.name : "\(key.namespace)/\(key.name)"
        return "capstan admin delete-corrupt \(kind) \(object) --cluster \(cluster) --config FILE"
    }
}
