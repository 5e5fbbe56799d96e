/// What a sync did to one resource (fluxcd/pkg ssa's `ChangeSetEntry`).
public struct ChangeSetEntry: Sendable, Hashable, Codable {
    public var subject: ResourceKey
    public var action: ChangeAction

    public init(subject: ResourceKey, action: ChangeAction) {
        self.subject = subject
        self.action = action
    }
}

/// The action a sync took on one resource.
public enum ChangeAction: String, Sendable, Hashable, Codable, CaseIterable {
    case created
    case configured
    case unchanged
    case deleted
}

/// The outcome of one sync, resource by resource, in the order it was applied.
public struct ChangeSet: Sendable, Hashable, Codable {
    public var entries: [ChangeSetEntry]

    public init(entries: [ChangeSetEntry] = []) { self.entries = entries }

    /// Entries with the given action.
    public func subjects(_ action: ChangeAction) -> [ResourceKey] {
        entries.filter { $0.action == action }.map(\.subject)
    }

    /// How many entries have each action.
    public var counts: [ChangeAction: Int] {
        entries.reduce(into: [:]) { $0[$1.action, default: 0] += 1 }
    }

    /// True when the sync changed nothing.
    public var isEmpty: Bool { entries.allSatisfy { $0.action == .unchanged } }

    /// `2 created, 1 configured, 5 unchanged` (actions with a zero count left out).
    public var summary: String {
        let counts = counts
        let parts = ChangeAction.allCases.compactMap { action in
            counts[action].map { "\($0) \(action.rawValue)" }
        }
        return parts.isEmpty ? "no resources" : parts.joined(separator: ", ")
    }
}

extension ChangeSet {
    /// This change set followed by a later one of the same sync (a later wave): a subject keeps what it had
    /// unless the later set did something to it; new subjects are appended.
    public func merging(_ later: ChangeSet) -> ChangeSet {
        var entries = self.entries
        var index = Dictionary(entries.enumerated().map { ($1.subject, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in later.entries {
            if let position = index[entry.subject] {
                if entry.action != .unchanged { entries[position] = entry }
            } else {
                index[entry.subject] = entries.count
                entries.append(entry)
            }
        }
        return ChangeSet(entries: entries)
    }
}
