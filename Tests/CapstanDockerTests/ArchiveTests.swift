import CapstanDocker
import Foundation
import Testing

/// Files written with `TarArchive` and `putArchive` appear in the container with their modes.
struct ArchiveTests {
    @Test func putArchiveThenExecCatReadsItBack() async throws {
        try await withDockerScope { scope in
            let engine = scope.engine
            let id = try await scope.run("files")
            var tar = TarArchive()
            try tar.addFile("app.yaml", mode: 0o640, bytes: Array("greeting: hello\n".utf8))
            try tar.addDirectory("nested", mode: 0o700)
            try tar.addFile("nested/deeper/key", mode: 0o600, bytes: Array(repeating: 0x41, count: 1000))
            try await engine.putArchive(id, path: "/tmp", tar: tar.bytes)

            let read = try await engine.exec(id, command: ["cat", "/tmp/app.yaml"])
            #expect(read.exitCode == 0)
            #expect(read.stdout == "greeting: hello\n")
            let modes = try await engine.exec(
                id, command: ["stat", "-c", "%a %n", "/tmp/app.yaml", "/tmp/nested", "/tmp/nested/deeper/key"])
            #expect(modes.stdout == "640 /tmp/app.yaml\n700 /tmp/nested\n600 /tmp/nested/deeper/key\n")
            let size = try await engine.exec(id, command: ["wc", "-c", "/tmp/nested/deeper/key"])
            #expect(size.stdout.hasPrefix("1000 "))
        }
    }

    @Test func missingDirectoryIsNotFound() async throws {
        try await withDockerScope { scope in
            let id = try await scope.run("nodir")
            var tar = TarArchive()
            try tar.addFile("a", bytes: [1])
            let error = try await #require(throws: DockerError.self) {
                try await scope.engine.putArchive(id, path: "/no/such/dir", tar: tar.bytes)
            }
            #expect(error.isNotFound)
            #expect(error.description.contains("copy files to /no/such/dir"))
        }
    }

    /// An Engine 20.10 quirk the backend must design around: the archive lands in the container's root
    /// filesystem under the mount point, hidden by a tmpfs mounted there, and the call still succeeds.
    @Test func archiveIntoATmpfsMountIsHiddenByTheMount() async throws {
        try await withDockerScope { scope in
            var spec = scope.spec()
            spec.mounts = [.tmpfs(at: "/config")]
            let id = try await scope.run("tmpfs", spec)
            var tar = TarArchive()
            try tar.addFile("settings", bytes: Array("x\n".utf8))
            try await scope.engine.putArchive(id, path: "/config", tar: tar.bytes)
            let read = try await scope.engine.exec(id, command: ["cat", "/config/settings"])
            #expect(read.exitCode != 0, "if this fails, the daemon now writes into tmpfs mounts")
        }
    }
}
