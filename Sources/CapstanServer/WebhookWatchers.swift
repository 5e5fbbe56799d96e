import CapstanCore
import CapstanWebhooks
import Synchronization

/// Which apps watch which repository and branch, normalised once (the apps of a running service are fixed).
final class WebhookWatchers: Sendable {
    private let controllers: [AppController]
    private let table = Mutex<[Watcher]?>(nil)

    init(_ controllers: [AppController]) {
        self.controllers = controllers
    }

    /// The controllers of the apps whose repository is one the push names and whose ref is the pushed branch.
    func concerned(by hint: PushHint) async -> [AppController] {
        let keys = hint.repositoryKeys
        return await watchers().filter { $0.branch == hint.branch && keys.contains($0.repository) }.map(\.controller)
    }

    private func watchers() async -> [Watcher] {
        if let cached = table.withLock({ $0 }) { return cached }
        var built: [Watcher] = []
        for controller in controllers {
            let source = await controller.reconciler.app.source
            built.append(
                Watcher(
                    controller: controller, repository: RepositoryURL.normalized(source.repo),
                    branch: PushHint.branch(ofRef: source.ref)))
        }
        table.withLock { $0 = built }
        return built
    }

    private struct Watcher: Sendable {
        let controller: AppController
        let repository: String
        let branch: String
    }
}
