import CapstanModel

extension ConfigurationReader {
    /// `webhooks:` — a secret per provider, `maxBodyBytes`.
    func readWebhooks(_ node: ConfigNode) -> WebhookConfiguration? {
        guard let mapping = node.mapping(keys: WebhookConfiguration.providers + ["maxBodyBytes", "readTimeout"]) else {
            return nil
        }
        var webhooks = WebhookConfiguration()
        for provider in WebhookConfiguration.providers {
            guard let providerNode = mapping.optional(provider),
                let providerMapping = providerNode.mapping(keys: ["secret", "secretFile"])
            else { continue }
            if let secret = readSecret(providerMapping, in: providerNode, required: true) {
                webhooks.secrets[provider] = secret
            }
        }
        if let limitNode = mapping.optional("maxBodyBytes"), let limit = limitNode.int() {
            if (1024...(64 << 20)).contains(limit) {
                webhooks.maxBodyBytes = limit
            } else {
                limitNode.fail("must be from 1024 to 67108864 bytes")
            }
        }
        if let timeoutNode = mapping.optional("readTimeout"), let timeout = timeoutNode.duration() {
            if timeout >= .milliseconds(100) && timeout <= .seconds(300) {
                webhooks.readTimeout = timeout
            } else {
                timeoutNode.fail("must be from 100ms to 5m")
            }
        }
        return webhooks
    }

    /// `secret:` or `secretFile:` (exactly one when required); an empty inline secret is refused.
    func readSecret(_ mapping: MappingReader, in node: ConfigNode, required: Bool) -> SecretReference? {
        let inline = mapping.optional("secret")
        let file = mapping.optional("secretFile")
        if inline != nil, file != nil {
            node.fail("set either secret or secretFile, not both")
            return nil
        }
        if let inline {
            guard let text = inline.string() else { return nil }
            guard !text.isEmpty else {
                inline.fail("must not be empty")
                return nil
            }
            return .inline(text)
        }
        if let file, let path = file.string() { return .file(absolutePath(path)) }
        if required { node.fail("secret or secretFile is required") }
        return nil
    }

    /// `git:` — `committer: {name, email}` for the commits Capstan makes.
    func readGit(_ node: ConfigNode) -> GitCommitter? {
        guard let mapping = node.mapping(keys: ["committer"]) else { return nil }
        var committer = GitCommitter()
        guard let committerNode = mapping.optional("committer"),
            let fields = committerNode.mapping(keys: ["name", "email"])
        else { return committer }
        if let name = fields.required("name")?.string() {
            if name.trimmingCharacters(in: .whitespaces).isEmpty || name.contains(where: { "<>\n".contains($0) }) {
                fields.required("name")?.fail("must be a non-empty name without <, > or line breaks")
            } else {
                committer.name = name
            }
        }
        if let email = fields.required("email")?.string() {
            if !email.contains("@") || email.contains(where: { "<> \n".contains($0) }) {
                fields.required("email")?.fail("\"\(email)\" is not an email address")
            } else {
                committer.email = email
            }
        }
        return committer
    }
}
