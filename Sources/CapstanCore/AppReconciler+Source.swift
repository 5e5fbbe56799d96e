import CapstanEngine
import CapstanGit
import CapstanModel
import Dispatch

/// Steps 1 and 2 of the recipe: the commit git wants, and what it renders to (cached per commit).
extension AppReconciler {
    /// The commit to compare with: fetched from git, or the last one seen when the reconcile only
    /// re-reads the live state. A pinned app compares with its pinned revision; an automatic rollback's pin
    /// is lifted as soon as the branch has moved past the bad revision.
    func resolveRevision(fetch: Bool) async throws -> Revision {
        if let pin = status.pin {
            if pin.reason == .autoRollback, fetch {
                let head = try await source.resolve(ref: app.source.ref)
                if head.id != pin.badRevision {
                    logger.info(
                        "automatic rollback lifted: a newer commit arrived",
                        metadata: ["source.revision": .string(head.shortID)])
                    status.pin = nil
                    return head
                }
            }
            if let rendered, rendered.revision.id == pin.revision { return rendered.revision }
            return try await source.resolve(ref: pin.revision)
        }
        if !fetch, let rendered { return rendered.revision }
        return try await source.resolve(ref: app.source.ref)
    }

    /// The desired state at `revision`; rendering happens once per commit.
    func render(_ revision: Revision) async -> Result<[DesiredResource], RenderError> {
        if let rendered, rendered.revision.id == revision.id { return rendered.result }
        let result: Result<[DesiredResource], RenderError>
        do {
            let files = try await source.files(at: revision.id, under: app.source.path)
            result = await renderOffThePool(files)
        } catch let error as any ClassifiedError where !error.isRetryable {
            result = .failure(RenderError(message: error.description))
        } catch {
            // A transient git failure is not a property of the commit: do not cache it.
            return .failure(RenderError(message: String(describing: error), isRetryable: true))
        }
        rendered = RenderedRevision(revision: revision, result: result)
        return result
    }

    /// Decoding thousands of documents takes a while and uses every core: it runs on Dispatch, not on the
    /// cooperative pool the API and the other apps need.
    private func renderOffThePool(_ files: [SourceFile]) async -> Result<[DesiredResource], RenderError> {
        let renderer = self.renderer
        let namespace = app.namespace
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let result = Result { () throws(RenderError) in
                    try renderer.render(files: files, defaultNamespace: namespace)
                }
                MemoryTrim.releaseFreedMemory()
                continuation.resume(returning: result)
            }
        }
    }
}
