/// A client command failed: the message is printed as is and the exit code is non-zero.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
