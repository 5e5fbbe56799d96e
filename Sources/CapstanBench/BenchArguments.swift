/// The subcommand and its `--name value` options.
struct BenchArguments {
    let command: String
    private let values: [String: String]

    init(_ arguments: [String]) throws(BenchError) {
        guard let command = arguments.first, !command.hasPrefix("-") else { throw BenchError(BenchCommand.usage) }
        var values: [String: String] = [:]
        var index = 1
        while index < arguments.count {
            let name = arguments[index]
            guard name.hasPrefix("--"), index + 1 < arguments.count else {
                throw BenchError("\(command): expected `--name value`, got \"\(name)\"\n\n\(BenchCommand.usage)")
            }
            values[String(name.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
        self.command = command
        self.values = values
    }

    /// A required option.
    func string(_ name: String) throws(BenchError) -> String {
        guard let value = values[name], !value.isEmpty else { throw BenchError("\(command): --\(name) is required") }
        return value
    }

    func string(_ name: String, default fallback: String) -> String {
        values[name] ?? fallback
    }

    /// An integer option within `range`, `fallback` when absent.
    func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(BenchError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw BenchError("\(command): --\(name) must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }
}
