import Foundation

extension KeyRingFile {
    /// Reads the key file at `path`, refusing it when group or others may read or write it, when it is malformed,
    /// has duplicate names, a key that is not 32 bytes, or an all-zero key.
    public static func load(from path: String) throws(SecretsError) -> KeyRingFile {
        try KeyRingFile(yaml: KeyFileIO.readOwnerOnly(path), path: path)
    }

    /// Creates a key file at `path` with one random key and one random sealing key, mode 0600 from the start,
    /// written atomically; refuses to overwrite an existing file.
    @discardableResult
    public static func generate(
        at path: String, keyName: String = "k1", created: Date = Date()
    ) throws(SecretsError) -> KeyRingFile {
        let file = try random(keyName: keyName, created: created)
        try KeyFileIO.writeAtomically(Array(file.yaml.utf8), to: path, replace: false)
        return file
    }

    /// The key file at `path`, or a new one generated there when none exists (first start); `generated` says
    /// which, so the caller can tell the operator where the new key ring is.
    public static func loadOrGenerate(
        at path: String, keyName: String = "k1"
    ) throws(SecretsError) -> (file: KeyRingFile, generated: Bool) {
        do {
            return (try load(from: path), false)
        } catch .keyFileIO(_, "open", ENOENT) {
            do {
                return (try generate(at: path, keyName: keyName), true)
            } catch .keyFileExists {
                return (try load(from: path), false)  // another process created it first
            }
        }
    }

    /// Replaces the key file at `path` with this ring atomically (mode 0600): a crash leaves the old or the new
    /// file, never a partial one.
    public func save(to path: String) throws(SecretsError) {
        try KeyFileIO.writeAtomically(Array(yaml.utf8), to: path, replace: true)
    }
}
