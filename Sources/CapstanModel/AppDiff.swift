/// What a sync of an app would change now (`capstan diff`, `GET /api/v1/apps/{name}/diff`): the revision it
/// would deploy and every resource it would create, update, delete or keep only because pruning is off.
/// Secret values never appear: their field differences are redacted.
public struct AppDiff: Sendable, Hashable, Codable {
    public var app: String
    /// The commit a sync would deploy: the branch head, or the pinned revision of a pinned app.
    public var revision: Revision
    /// The branch, tag or ref the app follows.
    public var ref: String
    /// Set when the app is held at `revision` instead of following `ref`.
    public var pin: AppPin?
    /// The revision last synced, nil before the first sync.
    public var liveRevision: String?
    /// Resources a sync would act on, in the order it would (unchanged ones left out).
    public var changes: [AppDiffEntry]

    public init(
        app: String, revision: Revision, ref: String, pin: AppPin? = nil, liveRevision: String? = nil,
        changes: [AppDiffEntry]
    ) {
        self.app = app
        self.revision = revision
        self.ref = ref
        self.pin = pin
        self.liveRevision = liveRevision
        self.changes = changes
    }

    /// True when a sync would change nothing.
    public var isEmpty: Bool { changes.isEmpty }
}
