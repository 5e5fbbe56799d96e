import CapstanModel
import Foundation

extension StateStore {
    /// Reads one stored record back: the object when it is plain JSON or decrypts to valid JSON, else why not.
    /// Reasons name the record and the key, never its bytes.
    func readRecord(_ body: [UInt8], id: String, cluster: String) -> (object: Resource?, ObjectRecordCondition) {
        var json = body
        if body.first != UInt8(ascii: "{") {
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
