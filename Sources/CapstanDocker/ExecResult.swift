/// The outcome of a command run in a container with `exec`.
public struct ExecResult: Sendable, Hashable {
    /// The command's exit code.
    public var exitCode: Int
    /// Standard output and standard error interleaved in the order they arrived.
    public var output: String
    /// Standard output alone.
    public var stdout: String
    /// Standard error alone.
    public var stderr: String

    public init(exitCode: Int, output: String, stdout: String, stderr: String) {
        self.exitCode = exitCode
        self.output = output
        self.stdout = stdout
        self.stderr = stderr
    }
}
