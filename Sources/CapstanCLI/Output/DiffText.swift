import CapstanModel

/// The readable form of an `AppDiff`: a summary line, then one line per resource and one per differing field.
enum DiffText {
    static func render(_ diff: AppDiff) -> String {
        let target = "\(diff.revision.shortID) (\(diff.pin == nil ? diff.ref : "pinned, not following \(diff.ref)"))"
        guard !diff.isEmpty else { return "\(diff.app): in sync with \(target)\n" }
        let count = diff.changes.count
        var lines = ["\(diff.app): \(count) change\(count == 1 ? "" : "s") to reach \(target)"]
        for change in diff.changes {
            var because = change.reason.phrase
            if change.action == .pruneSkipped { because += ", kept: prune is off" }
            if let location = change.location { because += ", \(location)" }
            lines.append("\(mark(change.action)) \(change.key)  (\(because))")
            for difference in change.differences { lines.append("    \(difference)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `+` create, `~` update, `-` delete, `!` kept although removed from git.
    static func mark(_ action: PlannedAction) -> String {
        switch action {
        case .create: return "+"
        case .update: return "~"
        case .delete: return "-"
        case .pruneSkipped: return "!"
        case .unchanged: return " "
        }
    }
}
