/// What makes a set of keys unusable as a ring, and which entry (so the file loader can give its line).
struct KeyRingProblem: Equatable {
    enum Section: String {
        case keys
        case sealingKeys
    }

    var section: Section?
    var index: Int?
    /// The entry's field the problem is about, e.g. `secret`.
    var field: String?
    var reason: String
}
