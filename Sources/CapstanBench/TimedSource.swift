import CapstanGit
import CapstanModel

/// A manifest source that records when each call to the real one starts and ends.
struct TimedSource: ManifestSource {
    let base: any ManifestSource
    let timeline: ReconcileTimeline

    func resolve(ref: String) async throws -> Revision {
        let start = timeline.begin()
        defer { timeline.record(.resolve, from: start) }
        return try await base.resolve(ref: ref)
    }

    func files(at commit: String, under path: String) async throws -> [SourceFile] {
        let start = timeline.begin()
        defer { timeline.record(.files, from: start) }
        return try await base.files(at: commit, under: path)
    }
}
