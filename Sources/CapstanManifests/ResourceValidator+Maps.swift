import CapstanModel
import CapstanYAML

extension ResourceValidator {
    /// Labels or annotations: a mapping of qualified-name keys to strings (labels: valid label values).
    func checkStringMap(
        _ value: Value?, path: [PathComponent], labels: Bool, _ subject: String, _ issues: inout [ValidationIssue]
    ) {
        let field = PathComponent.format(path)
        switch value {
        case nil, .null:
            return
        case .object(let members):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                let memberPath = path + [.key(key)]
                if !KubernetesName.isQualifiedName(key) {
                    let message = "\(field) key \"\(key)\" is not \(Self.qualifiedNameRule)"
                    issues.append(ValidationIssue(path: memberPath, message: subject + message))
                }
                guard case .string(let text) = member else {
                    let message = "\(field).\(key) must be a string, found \(Self.describe(member)) (quote it)"
                    issues.append(ValidationIssue(path: memberPath, message: subject + message))
                    continue
                }
                if labels, !KubernetesName.isLabelValue(text) {
                    let message = "\(field).\(key) value \"\(text)\" is not \(Self.labelValueRule)"
                    issues.append(ValidationIssue(path: memberPath, message: subject + message))
                }
            }
        case .some(let other):
            let message = "\(field) must be a mapping, found \(Self.describe(other))"
            issues.append(ValidationIssue(path: path, message: subject + message))
        }
    }

    /// Secret `data` (base64 strings), Secret `stringData` (strings) and ConfigMap `data`/`binaryData`.
    /// Values are never quoted in messages.
    func checkData(of kind: String, _ object: [String: Value], _ subject: String, _ issues: inout [ValidationIssue]) {
        let base64: (String, Value) -> String? = { name, member in
            guard case .string(let text) = member else { return "\(name) must be a base64 string" }
            return Base64Check.isValid(text) ? nil : "\(name) is not valid base64"
        }
        switch kind {
        case "Secret":
            checkDataMap(object["data"], field: "data", subject, &issues, check: base64)
            checkDataMap(object["stringData"], field: "stringData", subject, &issues) { name, member in
                guard case .string = member else { return "\(name) must be a string, found \(Self.describe(member))" }
                return nil
            }
        case "ConfigMap":
            checkDataMap(object["data"], field: "data", subject, &issues) { name, member in
                guard case .string = member else {
                    return "\(name) must be a string, found \(Self.describe(member)) (quote it)"
                }
                return nil
            }
            checkDataMap(object["binaryData"], field: "binaryData", subject, &issues, check: base64)
        default:
            return
        }
    }

    private func checkDataMap(
        _ value: Value?, field: String, _ subject: String, _ issues: inout [ValidationIssue],
        check: (String, Value) -> String?
    ) {
        switch value {
        case nil, .null:
            return
        case .object(let members):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                let path: [PathComponent] = [.key(field), .key(key)]
                if !KubernetesName.isConfigKey(key) {
                    let message = "\(field) key \"\(key)\" is not \(Self.configKeyRule)"
                    issues.append(ValidationIssue(path: path, message: subject + message))
                }
                if let problem = check("\(field).\(key)", member) {
                    issues.append(ValidationIssue(path: path, message: subject + problem))
                }
            }
        case .some(let other):
            let message = "\(field) must be a mapping, found \(Self.describe(other))"
            issues.append(ValidationIssue(path: [.key(field)], message: subject + message))
        }
    }

    static let qualifiedNameRule =
        "a valid qualified name (an optional DNS subdomain prefix and '/', then at most 63 letters, digits, "
        + "'-', '_' and '.', starting and ending with a letter or digit)"
    static let labelValueRule =
        "a valid label value (at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"
    static let configKeyRule = "a valid data key (letters, digits, '-', '_' and '.')"
}
