import CapstanYAML

/// A problem in one resource, at a path inside its document (turned into a line only when reported).
struct ValidationIssue: Sendable, Hashable {
    var path: [PathComponent]
    var message: String
}
