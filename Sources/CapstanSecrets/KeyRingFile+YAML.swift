import CapstanModel
import CapstanYAML
import Crypto
import Foundation

extension KeyRingFile {
    /// Reads the YAML text of a key file; `path` names the file in errors, which give a line where possible.
    public init(yaml bytes: [UInt8], path: String) throws(SecretsError) {
        let root = try KeyFileReader.root(of: bytes, path: path)
        let reader = KeyFileReader(path: path)
        let (keys, sealingKeys) = try reader.read(root)
        if let problem = Self.problem(keys: keys, sealingKeys: sealingKeys) {
            throw .malformedKeyFile(path: path, line: reader.line(of: problem, in: root), reason: problem.reason)
        }
        self.keys = keys
        self.sealingKeys = sealingKeys
    }

    /// The file's YAML text: what `generate(at:)` and `save(to:)` write.
    public var yaml: String {
        var text = """
            # Capstan key ring. Keep it secret: mode 0600, never in git, never in a backup of the state directory.
            # The first key encrypts new records and every key decrypts; the first sealing key seals.
            # See docs/secrets.md for rotation.

            """
        text += "keys:\n"
        for key in keys {
            text += "  - name: \(key.name)\n"
            text += "    secret: \"\(key.secret.withUnsafeBytes { Base64.encode($0) })\"\n"
            if let created = key.created {
                text += "    created: \"\(created.formatted(Date.ISO8601FormatStyle()))\"\n"
            }
        }
        text += sealingKeys.isEmpty ? "sealingKeys: []\n" : "sealingKeys:\n"
        for key in sealingKeys {
            text += "  - id: \"\(key.keyID)\"\n"
            text += "    secret: \"\(Base64.encode(key.privateKey.rawRepresentation))\"\n"
            if let created = key.created {
                text += "    created: \"\(created.formatted(Date.ISO8601FormatStyle()))\"\n"
            }
        }
        return text
    }
}
