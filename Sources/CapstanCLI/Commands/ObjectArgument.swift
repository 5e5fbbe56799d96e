import ArgumentParser
import CapstanModel

/// A `NAMESPACE/NAME` argument, checked before any request is sent.
struct ObjectArgument: Hashable {
    var namespace: String
    var name: String

    /// Parses `text`; `what` names the object in errors (`pod`, `service`).
    static func parse(_ text: String, what: String) throws -> ObjectArgument {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError(
                "expected NAMESPACE/\(what.uppercased()) (e.g. default/web), got \"\(text)\"")
        }
        guard KubernetesName.isDNS1123Label(parts[0]) else {
            throw ValidationError(
                "invalid namespace \"\(parts[0])\" in \"\(text)\": use lower-case letters, digits and -")
        }
        guard KubernetesName.isDNS1123Subdomain(parts[1]) else {
            throw ValidationError(
                "invalid \(what) name \"\(parts[1])\" in \"\(text)\": use lower-case letters, digits, - and .")
        }
        return ObjectArgument(namespace: parts[0], name: parts[1])
    }

    /// `namespace/name` as used in API paths.
    var path: String { "\(namespace)/\(name)" }
}
