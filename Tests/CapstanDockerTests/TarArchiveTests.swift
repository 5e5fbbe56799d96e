import CapstanDocker
import CapstanTestSupport
import Foundation
import Testing

/// `TarArchive` writes archives that GNU tar reads: names (also long ones), modes and sizes.
struct TarArchiveTests {
    @Test func gnuTarListsTheEntries() throws {
        let longName = String(repeating: "d", count: 90) + "/" + String(repeating: "f", count: 60) + ".conf"
        var tar = TarArchive()
        try tar.addFile(
            "/etc/app.conf", mode: 0o644, bytes: Array("x=1\n".utf8),
            modified: Date(timeIntervalSince1970: 1_700_000_000))
        try tar.addDirectory("secrets", mode: 0o700)
        try tar.addFile(longName, mode: 0o600, bytes: Array(repeating: 7, count: 513))
        let bytes = tar.bytes
        #expect(bytes.count % 512 == 0)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-tar-\(UUID().uuidString).tar")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let result = Shell.run(["tar", "-tvf", file.path, "--numeric-owner", "--full-time"])
        #expect(result.status == 0, "\(result.stderr)")
        let listing = result.stdout
        let lines = listing.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(lines.count == 3)
        #expect(lines[0].first == "-rw-r--r--")
        #expect(lines[0][2] == "4")
        #expect(lines[0].last == "etc/app.conf")
        #expect(lines[1].first == "drwx------")
        #expect(lines[1].last == "secrets/")
        #expect(lines[2].first == "-rw-------")
        #expect(lines[2][2] == "513")
        #expect(lines[2].last.map(String.init) == longName)
    }

    @Test(arguments: ["", "/", "../escape", "a/../../b", String(repeating: "x", count: 101)])
    func rejectsBadNames(name: String) {
        var tar = TarArchive()
        #expect(throws: DockerError.self) { try tar.addFile(name, bytes: []) }
    }
}
