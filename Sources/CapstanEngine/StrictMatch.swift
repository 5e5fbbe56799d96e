import CapstanModel

/// The differ's fast path: does live match desired under plain subset rules, without any `DiffRule`?
///
/// Stops at the first mismatch and keeps no path, so the common in-sync case is cheap. A `false`
/// is not yet a difference: the full walk then decides, rules included.
enum StrictMatch {
    static func matches(_ desired: Value, _ live: Value) -> Bool {
        switch desired {
        case .object(let wanted):
            guard case .object(let actual) = live else { return false }
            for (key, value) in wanted {
                guard let other = actual[key], matches(value, other) else { return false }
            }
            return true
        case .array(let wanted):
            guard case .array(let actual) = live, actual.count == wanted.count else { return false }
            for index in wanted.indices where !matches(wanted[index], actual[index]) { return false }
            return true
        default:
            return DiffWalker.scalarsMatch(desired, live)
        }
    }
}
