import Foundation

extension WebhookBenchService {
    /// A git workspace in a new folder `name-UUID` under `work` with the workload's first commit pushed, and the
    /// service watching it; runs `body` with (service, git, first commit, webhook secret), then stops the
    /// service and removes the folder, also when `body` throws.
    static func withDeployedApp<T>(
        _ workload: WebhookWorkload, work: String, name: String,
        _ body: (WebhookBenchService, GitWorkspace, String, String) async throws -> T
    ) async throws -> T {
        let folder = URL(fileURLWithPath: work).appendingPathComponent("\(name)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let git = try GitWorkspace(root: folder.appendingPathComponent("git"))
        let first = try git.commit(workload.initialFiles(), message: "Add the web app")
        try git.push()
        let secret = UUID().uuidString
        let service = try await start(repository: git.url, resources: workload, secret: secret, work: folder)
        do {
            let result = try await body(service, git, first, secret)
            await service.stop()
            return result
        } catch {
            await service.stop()
            throw error
        }
    }
}
