import ArgumentParser

/// `capstan admin …`: explicit repairs of the state directory, run with the service stopped.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Repair the state directory (service stopped).",
        subcommands: [AdminDeleteCorruptCommand.self])
}
