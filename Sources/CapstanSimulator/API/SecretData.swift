import CapstanCluster
import CapstanModel
import Foundation

/// The API server's handling of Secret `stringData`: merged into base64 `data`, then dropped.
enum SecretData {
    static func mergeStringData(_ secret: inout Resource) throws(ClusterError) {
        guard let stringData = secret.value["stringData"] else { return }
        guard let members = stringData.objectValue else {
            throw ClusterError(.invalid, key: secret.key, "stringData: must be a map of strings")
        }
        var data = secret.value["data"]?.objectValue ?? [:]
        for (key, value) in members {
            guard let text = value.stringValue else {
                throw ClusterError(.invalid, key: secret.key, "stringData.\(key): must be a string")
            }
            data[key] = .string(Data(text.utf8).base64EncodedString())
        }
        secret.value["data"] = .object(data)
        secret.value["stringData"] = nil
    }
}
