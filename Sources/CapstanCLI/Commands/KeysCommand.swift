import ArgumentParser

/// `capstan keys …`: the key ring that encrypts Secrets and ConfigMaps at rest, worked on through the
/// configuration's key file and state directory (not through the API).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Inspect and rotate the keys that encrypt Secrets and ConfigMaps at rest.",
        discussion: """
            Rotation: `keys add NAME`, stop the service, `keys rewrap`, `keys remove OLD`, start it; see \
            docs/secrets.md.
            """,
        subcommands: [
            KeysStatusCommand.self, KeysAddCommand.self, KeysRewrapCommand.self, KeysRemoveCommand.self,
            KeysRenewSealingCommand.self,
        ])
}
