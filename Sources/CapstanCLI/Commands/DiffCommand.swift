import ArgumentParser
import CapstanModel
import Foundation

/// `capstan diff APP [--no-fetch] [-o json]`: what a sync of the app would change now, field by field, with
/// Secret values withheld; exits like `kubectl diff` (0 none, 1 some, 2 error).
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a sync of an app would change now (Secret values never shown).",
        discussion: """
            Compares the revision a sync would deploy (the branch head fetched from git, or the pinned revision \
            of a pinned app) with the live objects, without applying anything or writing history. Each resource \
            is marked + (create), ~ (update, with the fields that differ: live → git), - (delete) or ! (removed \
            from git but kept, because prune is off). Secret data shows only as (secret value changed); a \
            ConfigMap or Secret change also shows as a change of the capstan.io/config-checksum annotation of \
            the workloads that use it.

            Exit status: 0 when a sync would change nothing, 1 when it would change something, 2 when the diff \
            could not be made (unknown app, server unreachable, git unreachable, manifests that do not render: \
            the message names the file and line), 64 for invalid arguments.
            """)
    @OptionGroup var options: ClientOptions
    @Argument(help: "The app's name.") var name: String
    @Flag(inversion: .prefixedNo, help: "Fetch git first (--no-fetch compares with the commit last fetched).")
    var fetch = true

    func run() async throws {
        let client = options.client
        let body: [UInt8]
        let diff: AppDiff
        do {
            body = try await client.get("/api/v1/apps/\(name)/diff?fetch=\(fetch)")
            diff = try client.decode(AppDiff.self, body)
        } catch {
            // `kubectl diff`'s convention: 1 means "differences found", so a failure must exit 2 or more.
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if try !Printer.printStructured(body, format: options.output) {
            print(DiffText.render(diff), terminator: "")
        }
        if !diff.isEmpty { throw ExitCode.failure }
    }
}
