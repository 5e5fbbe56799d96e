import CapstanModel

extension ConfigurationReader {
    static let notificationKeys = ["name", "type", "url", "secret", "secretFile", "events", "apps", "severity"]

    /// `notifications:` — a list of providers with unique names.
    func readNotifications(_ node: ConfigNode, appNames: Set<String>) -> [NotificationConfiguration] {
        guard let items = node.list() else { return [] }
        var providers: [NotificationConfiguration] = []
        var firstLines: [String: Int] = [:]
        for item in items {
            guard let mapping = item.mapping(keys: Self.notificationKeys),
                let provider = readNotification(mapping, item, appNames: appNames)
            else { continue }
            if let first = firstLines[provider.name] {
                mapping.required("name")?.fail(
                    "duplicate notification name \"\(provider.name)\" (also at line \(first))")
            } else {
                firstLines[provider.name] = mapping.line(of: "name")
            }
            providers.append(provider)
        }
        return providers
    }

    private func readNotification(
        _ mapping: MappingReader, _ node: ConfigNode, appNames: Set<String>
    ) -> NotificationConfiguration? {
        let name = mapping.required("name")?.string()
        let type = mapping.required("type").flatMap { typeNode -> String? in
            guard let type = typeNode.string() else { return nil }
            guard NotificationConfiguration.types.contains(type) else {
                typeNode.fail("unknown notification type \"\(type)\" (use generic, generic-hmac or slack)")
                return nil
            }
            return type
        }
        // The URL is never echoed: it may carry a token (Slack's do).
        let url = mapping.required("url").flatMap { urlNode -> String? in
            guard let url = urlNode.string() else { return nil }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                urlNode.fail("must be an http:// or https:// URL")
                return nil
            }
            return url
        }
        let secret = readSecret(mapping, in: node, required: type == "generic-hmac")
        var provider = NotificationConfiguration(name: name ?? "", type: type ?? "", url: url ?? "", secret: secret)
        if let eventsNode = mapping.optional("events"), let items = eventsNode.list() {
            var events = Set<AppEventReason>()
            for item in items {
                guard let text = item.string() else { continue }
                if let reason = AppEventReason(rawValue: text) {
                    events.insert(reason)
                } else {
                    let known = AppEventReason.allCases.map(\.rawValue).joined(separator: ", ")
                    item.fail("unknown event \"\(text)\" (known: \(known))")
                }
            }
            provider.events = events
        }
        if let appsNode = mapping.optional("apps"), let items = appsNode.list() {
            var apps = Set<String>()
            for item in items {
                guard let text = item.string() else { continue }
                if appNames.contains(text) { apps.insert(text) } else { item.fail("no app is named \"\(text)\"") }
            }
            provider.apps = apps
        }
        if let severityNode = mapping.optional("severity"), let text = severityNode.string() {
            if let severity = AppEventSeverity(rawValue: text) {
                provider.severity = severity
            } else {
                severityNode.fail("unknown severity \"\(text)\" (use info or error)")
            }
        }
        guard name != nil, type != nil, url != nil else { return nil }
        return provider
    }
}
