import ArgumentParser

/// `capstan sim …`: fault injection and load on the simulated cluster, to rehearse failures.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Inject faults and load into the simulated cluster.",
        discussion: """
            Each command changes the simulated cluster as the real event would (a pod dies, a node stops \
            answering, an image cannot be pulled, traffic arrives) and lets its controllers react. Watch the \
            effect with `capstan get` and `capstan describe`.
            """,
        subcommands: [
            SimKillPodCommand.self, SimCrashCommand.self, SimLivenessCommand.self, SimNodeCommand.self,
            SimImageCommand.self,
            SimLoadCommand.self, SimRequestCommand.self, SimDNSCommand.self,
        ])
}
