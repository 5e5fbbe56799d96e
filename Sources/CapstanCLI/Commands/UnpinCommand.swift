import ArgumentParser
import CapstanModel

/// `capstan unpin APP`: the app follows its branch again (after `rollback --pin` or an automatic rollback).
struct UnpinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpin", abstract: "Let a pinned app follow its branch again.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The app's name.") var name: String

    func run() async throws {
        let body = try await options.client.post("/api/v1/apps/\(name)/unpin")
        if try Printer.printStructured(body, format: options.output) { return }
        let app = try options.client.decode(AppStatus.self, body)
        print(
            "\(name) unpinned: at \(app.sync.revision.map { String($0.prefix(7)) } ?? "-") (\(app.sync.status.rawValue))"
        )
    }
}
