import Foundation

extension GitFixture {
    /// Runs git on the bare remote itself (`git --git-dir <remote> …`); returns trimmed stdout.
    @discardableResult
    func remote(_ arguments: String...) throws -> String {
        try gitArguments(["--git-dir", remotePath] + arguments)
    }

    /// Installs an executable hook (e.g. `pre-receive`) in the bare remote. Hooks run for pushes over http and
    /// ssh, where git's receive-pack takes the push; libgit2 pushes to `file://` by itself, without hooks.
    func installHook(_ name: String, _ script: String) throws {
        let path = remotePath + "/hooks/" + name
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    /// Deletes a file from the working clone (the next `commit` records the deletion).
    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: (workPath as NSString).appendingPathComponent(path))
    }

    /// Brings the working clone up to date with the remote's main, fast-forward only.
    func pullMain() throws {
        try git("pull", "--quiet", "--ff-only", "origin", "main")
    }
}
