import Foundation
import Logging

// capstan-bench: the measurements behind `make bench` (scripts/bench.sh). One subcommand per process.
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = .warning
    return handler
}
exit(await BenchCommand.run(Array(CommandLine.arguments.dropFirst())))
