import CapstanModel

/// The full walk behind `ResourceDiffer`: keeps the current path, applies `DiffRule`s and collects
/// differences. Runs only when `StrictMatch` found a mismatch.
struct DiffWalker {
    /// Top-level fields whose values are secret in a Secret.
    static let secretRoots: Set<String> = ["data", "stringData"]

    let redactsData: Bool
    let rules: [DiffRule]
    private(set) var differences: [FieldDifference] = []
    private var path = FieldPath()

    init(redactsData: Bool, rules: [DiffRule]) {
        self.redactsData = redactsData
        self.rules = rules
    }

    mutating func compare(_ desired: Value, _ live: Value) {
        switch (desired, live) {
        case (.object(let wanted), .object(let actual)):
            compareObjects(wanted, actual)
        case (.array(let wanted), .array(let actual)):
            compareArrays(wanted, actual)
        default:
            guard !Self.scalarsMatch(desired, live) else { return }
            if !rules.contains(where: { $0.appliesTo(path) && $0.acceptsValue(desired, live) }) {
                record(.changed, desired: desired, live: live)
            }
        }
    }

    private mutating func compareObjects(_ wanted: [String: Value], _ actual: [String: Value]) {
        // Sorted keys, so differences come out in a stable order.
        for key in wanted.keys.sorted() { compareMember(key, wanted[key]!, actual) }
    }

    private mutating func compareMember(_ key: String, _ desired: Value, _ actual: [String: Value]) {
        path.append(.key(key))
        if let live = actual[key] {
            compare(desired, live)
        } else if !rules.contains(where: { $0.appliesTo(path) && $0.acceptsMissing(desired) }) {
            record(.missing, desired: desired, live: nil)
        }
        path.removeLast()
    }

    private mutating func compareArrays(_ wanted: [Value], _ actual: [Value]) {
        for (index, desired) in wanted.enumerated() {
            path.append(.index(index))
            if index < actual.count {
                compare(desired, actual[index])
            } else {
                record(.missing, desired: desired, live: nil)
            }
            path.removeLast()
        }
        for index in wanted.count..<max(wanted.count, actual.count) {
            path.append(.index(index))
            record(.extra, desired: nil, live: actual[index])
            path.removeLast()
        }
    }

    /// Equal scalars, numbers compared by value; containers of different shapes never match.
    static func scalarsMatch(_ desired: Value, _ live: Value) -> Bool {
        switch (desired, live) {
        case (.int(let a), .int(let b)): return a == b
        case (.int, .double), (.double, .int), (.double, .double):
            return desired.doubleValue == live.doubleValue
        default: return desired == live
        }
    }

    private mutating func record(_ kind: FieldDifference.Kind, desired: Value?, live: Value?) {
        let redacted = redactsData && path.root.map(Self.secretRoots.contains) == true
        differences.append(
            FieldDifference(
                path: path.description,
                kind: kind,
                desired: redacted ? nil : desired?.diffRendering,
                live: redacted ? nil : live?.diffRendering,
                isRedacted: redacted
            ))
    }
}
