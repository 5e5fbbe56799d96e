/// A named part of one reconcile and how long it took.
struct Phase: Codable, Sendable {
    var name: String
    var milliseconds: Double
    /// The process's peak RSS by the end of this phase, when memory was tracked.
    var peakResidentBytes: Int?

    static let resolve = "resolve (clone or ls-remote)"
    static let files = "read files from git"
    static let render = "render (decode, validate, normalize), key set"
    static let renderCached = "render (cached for the commit), key set"
    static let live = "read live objects"
    static let plan = "plan (diff)"
    static let dryRun = "dry run of the whole set"
    static let apply = "apply + prune (controllers, SQLite flush)"
    static let record = "assess health + record (SQLite)"
    static let report = "plan, assess health, report"
}
