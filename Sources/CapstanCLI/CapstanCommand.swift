import ArgumentParser

/// `capstan`: the service (`serve`) and its client, one binary.
public struct CapstanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "capstan",
        abstract: "GitOps reconciler: git push = deploy, with an audit trail and rollback by revert.",
        discussion: """
            Client commands talk to a running `capstan serve` at --server, $CAPSTAN_SERVER, or \
            http://127.0.0.1:7070.
            """,
        subcommands: [
            ServeCommand.self, AppsCommand.self, AppCommand.self, SyncCommand.self, DiffCommand.self,
            HistoryCommand.self,
            RollbackCommand.self, UnpinCommand.self, GetCommand.self, DescribeCommand.self, SealCommand.self,
            KeysCommand.self, AdminCommand.self,
            SimCommand.self,
        ])

    public init() {}
}
