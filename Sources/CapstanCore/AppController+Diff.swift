import CapstanModel

/// `capstan diff`: what a sync would change now, without syncing.
extension AppController {
    /// Previews a sync of the app (see `AppReconciler.preview`); runs beside the loop, which it does not wait
    /// for or disturb.
    public func diff(fetch: Bool = true) async throws(DiffError) -> AppDiff {
        try await reconciler.preview(fetch: fetch)
    }
}
