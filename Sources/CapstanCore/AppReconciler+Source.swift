import CapstanEngine
import CapstanGit
import CapstanModel
import CapstanThreads

/// Steps 1 and 2 of the recipe: the commit git wants, and what it renders to (cached per commit).
extension AppReconciler {
    /// The commit to compare with: fetched from git, or the last one seen when the reconcile only
    /// re-reads the live state. A pinned app compares with its pinned revision; an automatic rollback's pin
    /// is lifted as soon as the branch has moved past the bad revision.
    func resolveRevision(fetch: Bool) async throws -> Revision {
        let target = try await targetRevision(fetch: fetch)
        if target.liftsPin {
            logger.info(
                "automatic rollback lifted: a newer commit arrived",
                metadata: ["source.revision": .string(target.revision.shortID)])
            status.pin = nil
        }
        return target.revision
    }

    /// The commit `resolveRevision` would compare with, and whether it lifts an automatic rollback's pin;
    /// changes nothing but the local copy of the repository.
    func targetRevision(fetch: Bool) async throws -> (revision: Revision, liftsPin: Bool) {
        if let pin = status.pin {
            if pin.reason == .autoRollback, fetch {
                let head = try await source.resolve(ref: app.source.ref)
                if head.id != pin.badRevision { return (head, true) }
            }
            if let rendered, rendered.revision.id == pin.revision { return (rendered.revision, false) }
            return (try await source.resolve(ref: pin.revision), false)
        }
        if !fetch, let rendered { return (rendered.revision, false) }
        return (try await source.resolve(ref: app.source.ref), false)
    }

    /// The desired state at `revision`; rendering happens once per commit.
    func render(_ revision: Revision) async -> Result<[DesiredResource], RenderError> {
        if let rendered, rendered.revision.id == revision.id { return rendered.result }
        let (result, isCacheable) = await renderFiles(at: revision)
        if isCacheable { rendered = RenderedRevision(revision: revision, result: result) }
        return result
    }

    /// Reads and renders the files at `revision`, bypassing the cache; a transient git failure is not a
    /// property of the commit, so its result is not cacheable.
    func renderFiles(at revision: Revision) async -> (Result<[DesiredResource], RenderError>, isCacheable: Bool) {
        do {
            let files = try await source.files(at: revision.id, under: app.source.path)
            return (await renderOffThePool(files), true)
        } catch let error as any ClassifiedError where !error.isRetryable {
            return (.failure(RenderError(message: error.description)), true)
        } catch {
            return (.failure(RenderError(message: String(describing: error), isRetryable: true)), false)
        }
    }

    /// Decoding thousands of documents takes a while: it runs on a thread of its own, not on the cooperative
    /// pool the API and the other apps need (its parallel decoding still borrows Dispatch's workers).
    private func renderOffThePool(_ files: [SourceFile]) async -> Result<[DesiredResource], RenderError> {
        let renderer = self.renderer
        let namespace = app.namespace
        return await DedicatedThread.run("capstan-render") {
            let result = Result { () throws(RenderError) in
                try renderer.render(files: files, defaultNamespace: namespace)
            }
            MemoryTrim.releaseFreedMemory()
            return result
        }
    }
}
