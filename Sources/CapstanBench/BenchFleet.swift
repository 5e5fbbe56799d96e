/// The generated repository one benchmark reconciles: where it is and what it must produce.
struct BenchFleet: Sendable {
    /// `file://` URL of the repository (loopback only: no network).
    var repository: String
    /// The folder the app watches.
    var path: String
    /// App groups in the repository; each is a Deployment, Service, ConfigMap, Secret and ServiceAccount.
    var apps: Int
    /// The namespace the groups live in (created by a Namespace manifest).
    var namespace: String
    /// Where each setup makes its own state folder (SQLite store and git cache).
    var workDirectory: String

    init(options: BenchArguments) throws(BenchError) {
        repository = try options.string("repo")
        guard repository.hasPrefix("file://") else { throw BenchError("--repo must be a file:// URL (no network)") }
        path = try options.string("path")
        apps = try options.int("apps", default: 2000, in: 1...100_000)
        namespace = options.string("namespace", default: "fleet")
        workDirectory = try options.string("work")
    }

    /// Resources the commit defines: five per group and the Namespace.
    var resourceCount: Int { apps * 5 + 1 }
}
