/// A benchmark that could not run or whose result is not trustworthy (wrong outcome, unexpected writes).
/// Retrying does not help: the setup or the product behaves differently from what the benchmark assumes.
struct BenchError: Error, CustomStringConvertible {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
