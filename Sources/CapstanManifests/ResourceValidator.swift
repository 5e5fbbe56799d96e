import CapstanModel
import CapstanYAML

/// Checks one resource the way the API server would reject it before Capstan applies anything:
/// identity fields, names, namespace scope, labels, and Secret and ConfigMap data.
/// Messages never contain data values.
struct ResourceValidator {
    var defaultNamespace: String

    /// The problems of `value`; empty when it is a valid resource.
    func issues(in value: Value) -> [ValidationIssue] {
        guard case .object(let object) = value else {
            return [ValidationIssue(path: [], message: "a manifest must be a mapping, found \(Self.describe(value))")]
        }
        var issues: [ValidationIssue] = []
        let apiVersion = requiredString(object["apiVersion"], "apiVersion", &issues)
        let kind = requiredString(object["kind"], "kind", &issues)
        let prefix = kind.map { "\($0): " } ?? ""
        guard let metadataValue = object["metadata"] else {
            issues.append(ValidationIssue(path: ["metadata"], message: "\(prefix)metadata.name is missing"))
            return issues
        }
        guard case .object(let metadata) = metadataValue else {
            issues.append(ValidationIssue(path: ["metadata"], message: "\(prefix)metadata must be a mapping"))
            return issues
        }
        let group = apiVersion.map(Self.group(of:)) ?? ""
        let name = checkName(metadata["name"], group: group, kind: kind, prefix: prefix, &issues)
        let namespace = checkNamespace(metadata["namespace"], prefix: prefix, &issues)
        var subject = prefix
        if let kind, let name {
            let isCluster = ResourceScope.isClusterScoped(group: group, kind: kind)
            subject = isCluster ? "\(kind) \(name): " : "\(kind) \(namespace ?? defaultNamespace)/\(name): "
            if isCluster, namespace != nil {
                let message = subject + Self.clusterScopedNamespace
                issues.append(ValidationIssue(path: ["metadata", "namespace"], message: message))
            }
        }
        checkStringMap(metadata["labels"], path: ["metadata", "labels"], labels: true, subject, &issues)
        checkStringMap(metadata["annotations"], path: ["metadata", "annotations"], labels: false, subject, &issues)
        if group.isEmpty, let kind {
            checkData(of: kind, object, subject, &issues)
        }
        return issues
    }

    /// The API group of an `apiVersion`: the part before `/`, empty for `v1`.
    static func group(of apiVersion: String) -> String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    private func requiredString(_ value: Value?, _ field: String, _ issues: inout [ValidationIssue]) -> String? {
        switch value {
        case .string(let text) where !text.isEmpty:
            return text
        case nil, .null, .string:
            issues.append(ValidationIssue(path: [.key(field)], message: "\(field) is missing"))
        case .some(let other):
            let message = "\(field) must be a string, found \(Self.describe(other))"
            issues.append(ValidationIssue(path: [.key(field)], message: message))
        }
        return nil
    }

    /// A DNS-1123 subdomain, or a DNS-1123 label for Namespace and a DNS-1035 label for Service.
    private func checkName(
        _ value: Value?, group: String, kind: String?, prefix: String, _ issues: inout [ValidationIssue]
    ) -> String? {
        let path: [PathComponent] = ["metadata", "name"]
        guard case .string(let name)? = value, !name.isEmpty else {
            var message = "\(prefix)metadata.name is missing"
            if let value, !value.isNull, value != "" { message += ", found \(Self.describe(value))" }
            issues.append(ValidationIssue(path: path, message: message))
            return nil
        }
        let rule: (valid: Bool, text: String)
        switch (group, kind) {
        case ("", "Service"): rule = (KubernetesName.isDNS1035Label(name), Self.dns1035Rule)
        case ("", "Namespace"): rule = (KubernetesName.isDNS1123Label(name), Self.dns1123LabelRule)
        default: rule = (KubernetesName.isDNS1123Subdomain(name), Self.dns1123SubdomainRule)
        }
        guard rule.valid else {
            let message = "\(prefix)metadata.name \"\(name)\" is not \(rule.text)"
            issues.append(ValidationIssue(path: path, message: message))
            return nil
        }
        return name
    }

    /// nil when unset or empty; a DNS-1123 label otherwise.
    private func checkNamespace(_ value: Value?, prefix: String, _ issues: inout [ValidationIssue]) -> String? {
        let path: [PathComponent] = ["metadata", "namespace"]
        switch value {
        case nil, .null, .string(""):
            return nil
        case .string(let namespace):
            guard KubernetesName.isDNS1123Label(namespace) else {
                let message = "\(prefix)metadata.namespace \"\(namespace)\" is not \(Self.dns1123LabelRule)"
                issues.append(ValidationIssue(path: path, message: message))
                return nil
            }
            return namespace
        case .some(let other):
            let message = "\(prefix)metadata.namespace must be a string, found \(Self.describe(other))"
            issues.append(ValidationIssue(path: path, message: message))
            return nil
        }
    }
}
