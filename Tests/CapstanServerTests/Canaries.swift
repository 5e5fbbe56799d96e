import Foundation

/// Random values planted in a test's Secrets and ConfigMaps, and where they turn up: a Secret canary must be
/// nowhere a user or an attacker can read, a ConfigMap canary only where a user asked for the ConfigMap.
struct Canaries {
    private(set) var secrets: [String] = []
    private(set) var configs: [String] = []

    /// A new Secret value.
    mutating func secret() -> String {
        let value = "s3cret-canary-\(UUID().uuidString.lowercased())"
        secrets.append(value)
        return value
    }

    /// A new ConfigMap value.
    mutating func config() -> String {
        let value = "config-canary-\(UUID().uuidString.lowercased())"
        configs.append(value)
        return value
    }

    /// The forms a value can take in storage and output: as is, and base64 (Secret `data`).
    static func forms(of value: String) -> [String] { [value, Data(value.utf8).base64EncodedString()] }

    /// Which of `values` (in any form) occur in `bytes`.
    static func found(_ values: [String], in bytes: Data) -> [String] {
        values.filter { value in forms(of: value).contains { bytes.range(of: Data($0.utf8)) != nil } }
    }

    /// Every regular file under `folder` (the state directory: SQLite file, WAL, git cache, key file, lock)
    /// that holds one of `values`, as `path: value`.
    static func found(_ values: [String], under folder: URL) -> [String] {
        var hits: [String] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = files?.nextObject() as? URL {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                let data = try? Data(contentsOf: file)
            else { continue }
            hits += found(values, in: data).map { "\(file.path): \($0)" }
        }
        return hits
    }
}
