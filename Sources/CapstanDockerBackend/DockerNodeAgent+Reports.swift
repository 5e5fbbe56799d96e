import CapstanSimulator

/// Pod status reports sent to the control plane by one reporter beside the pods' convergence, as the kubelet's
/// status manager does: converging a pod queues its report and goes on to the next pod instead of waiting for the
/// control plane to settle and write; reports queued while one batch is written go together in the next (one
/// settle, one state-store transaction), in the order they were made.
extension DockerNodeAgent {
    /// Queues `update`; it counts as reported at once (a later pass with the same status sends nothing) and is
    /// sent again by the next pass if the control plane refuses it.
    func report(_ update: SimulatedCluster.PodStatusUpdate) {
        reported[update.uid] = update.status
        pendingReports.append(update)
        guard reporter == nil else { return }
        reporter = Task { await sendReports() }
    }

    /// Sends the queued reports in batches until none is left.
    private func sendReports() async {
        while !pendingReports.isEmpty {
            let batch = pendingReports
            pendingReports = []
            let failures = await cluster.reportPodStatuses(batch)
            for (update, failure) in zip(batch, failures) {
                guard let failure else { continue }
                if reported[update.uid] == update.status { reported[update.uid] = nil }
                logger.debug("pod status not reported: \(failure)", metadata: ["pod": .string("\(update.key)")])
            }
        }
        reporter = nil
    }

    /// Waits until every queued report was sent (the end of a pass: its reports are in the control plane).
    func flushReports() async {
        while let reporter { await reporter.value }
    }
}
