import CapstanModel
import CapstanYAML

extension ConfigurationReader {
    static let appKeys = [
        "name", "repo", "ref", "path", "namespace", "interval", "prune", "selfHeal", "autoSync", "backend",
        "credentials", "autoRollback",
    ]
    static let credentialKeys = ["username", "password", "passwordFile", "sshKeyFile", "knownHostsFile"]

    /// The required, non-empty `apps` list with unique names.
    func readApps(_ root: MappingReader) -> [AppConfiguration] {
        guard let appsNode = root.required("apps"), let items = appsNode.list() else { return [] }
        guard !items.isEmpty else {
            appsNode.fail("at least one app is required")
            return []
        }
        var apps: [AppConfiguration] = []
        var firstLines: [String: Int] = [:]
        for item in items {
            guard let mapping = item.mapping(keys: Self.appKeys), let app = readApp(mapping) else { continue }
            if let first = firstLines[app.name] {
                mapping.required("name")?.fail("duplicate app name \"\(app.name)\" (also at line \(first))")
            } else {
                firstLines[app.name] = mapping.line(of: "name")
            }
            apps.append(app)
        }
        return apps
    }

    private func readApp(_ mapping: MappingReader) -> AppConfiguration? {
        let name = mapping.required("name").flatMap { node -> String? in
            guard let name = node.string() else { return nil }
            guard KubernetesName.isDNS1123Label(name) else {
                node.fail("\"\(name)\" is not a valid app name (\(Self.dnsLabelRule))")
                return nil
            }
            return name
        }
        let repo = mapping.required("repo").flatMap(readRepository)
        var app = AppConfiguration(name: name ?? "", repo: repo ?? "")
        if let ref = mapping.optional("ref").flatMap({ $0.scalarText() }) {
            if ref.isEmpty || ref.contains(where: \.isWhitespace) {
                mapping.optional("ref")?.fail("must be a branch, tag or commit name without spaces")
            } else {
                app.ref = ref
            }
        }
        if let pathNode = mapping.optional("path"), let path = pathNode.string() {
            let parts = path.split(separator: "/")
            if path.hasPrefix("/") || parts.contains("..") {
                pathNode.fail("must be a folder inside the repository (relative, without '..')")
            } else {
                app.path = parts.filter { $0 != "." }.joined(separator: "/").nonEmpty ?? "."
            }
        }
        if let namespaceNode = mapping.optional("namespace"), let namespace = namespaceNode.string() {
            if KubernetesName.isDNS1123Label(namespace) {
                app.namespace = namespace
            } else {
                namespaceNode.fail("\"\(namespace)\" is not a valid namespace (\(Self.dnsLabelRule))")
            }
        }
        if let intervalNode = mapping.optional("interval"), let interval = intervalNode.duration() {
            if interval >= .seconds(1) { app.interval = interval } else { intervalNode.fail("must be at least 1s") }
        }
        if let prune = mapping.optional("prune")?.bool() { app.prune = prune }
        if let selfHeal = mapping.optional("selfHeal")?.bool() { app.selfHeal = selfHeal }
        if let autoSync = mapping.optional("autoSync")?.bool() { app.autoSync = autoSync }
        if let autoRollback = mapping.optional("autoRollback")?.bool() { app.autoRollback = autoRollback }
        if let backend = mapping.optional("backend").flatMap(readBackend) { app.backend = backend }
        app.credentials = mapping.optional("credentials").flatMap(readCredentials)
        guard name != nil, repo != nil else { return nil }
        return app
    }

    private func readBackend(_ node: ConfigNode) -> BackendKind? {
        guard let text = node.string() else { return nil }
        if let backend = BackendKind(rawValue: text) { return backend }
        node.fail("unknown backend \"\(text)\" (use \"simulated\" or \"docker\")")
        return nil
    }

    /// A supported repository location; local paths become `file://` URLs. Never echoes the value
    /// (a URL may carry a token).
    private func readRepository(_ node: ConfigNode) -> String? {
        guard let text = node.string() else { return nil }
        switch RepositoryLocation.normalize(text, baseDirectory: baseDirectory) {
        case .success(let location): return location
        case .failure(let problem):
            node.fail(problem.message)
            return nil
        }
    }

    private func readCredentials(_ node: ConfigNode) -> RepositoryCredentials? {
        guard let mapping = node.mapping(keys: Self.credentialKeys) else { return nil }
        var credentials = RepositoryCredentials()
        credentials.username = mapping.optional("username")?.string()
        credentials.password = mapping.optional("password")?.string()
        credentials.passwordFile = mapping.optional("passwordFile")?.string().map(absolutePath)
        credentials.sshKeyFile = mapping.optional("sshKeyFile")?.string().map(absolutePath)
        credentials.knownHostsFile = mapping.optional("knownHostsFile")?.string().map(absolutePath)
        if mapping.optional("password") != nil, mapping.optional("passwordFile") != nil {
            node.fail("set either password or passwordFile, not both")
        }
        return credentials
    }
}

extension String {
    /// nil for the empty string.
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
