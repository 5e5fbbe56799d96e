import CapstanModel

extension DockerEngine {
    /// Runs `command` (no shell) in a running container and waits for it: exit code and output.
    /// `timeout` bounds the whole run (default: the engine's request timeout); a timed-out command
    /// may keep running in the container.
    public func exec(
        _ containerID: String, command: [String], timeout: Duration? = nil
    ) async throws(DockerError) -> ExecResult {
        let name = Self.shortID(containerID)
        let what = "exec \(command.first ?? "") in container \(name)"
        guard !command.isEmpty else { throw DockerError.invalidRequest(what, "the command is empty") }
        let created = try await callJSON(
            "POST", "/containers/\(Self.component(containerID))/exec",
            json: ["AttachStdout": true, "AttachStderr": true, "Cmd": .array(command.map(Value.string))],
            what: what)
        guard let execID = created["Id"]?.stringValue else {
            throw DockerError.invalidResponse(what, "the answer has no Id")
        }
        // Not detached: the daemon streams the output and closes the connection when the command ends.
        let started = try await call(
            "POST", "/exec/\(Self.component(execID))/start", json: ["Detach": false, "Tty": false],
            timeout: timeout, what: what)
        let frames = StreamDemultiplexer(started.body)
        guard !frames.isMalformed else {
            throw DockerError.invalidResponse(what, "the output stream is not in Docker's multiplexed format")
        }
        let exitCode = try await execExitCode(execID, what: what)
        return ExecResult(
            exitCode: exitCode, output: Self.text(frames.bytes(of: [.stdout, .stderr])),
            stdout: Self.text(frames.bytes(of: [.stdout])), stderr: Self.text(frames.bytes(of: [.stderr])))
    }

    /// The exit code of a finished exec; the daemon may record it a moment after the output ends.
    private func execExitCode(_ execID: String, what: String) async throws(DockerError) -> Int {
        for _ in 0..<100 {
            let state = try await callJSON("GET", "/exec/\(Self.component(execID))/json", what: what)
            if state["Running"]?.boolValue == false, let code = state["ExitCode"]?.intValue {
                return code
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        throw DockerError(
            kind: .timedOut, what: what, message: "the command's output ended but it did not exit within 2 s",
            isRetryable: true)
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
