import CapstanDocker
import Foundation
import Logging
import Synchronization

/// The image pulls of one daemon, run in the background so a long pull holds up no pass: one pull per image at
/// a time, whose outcome the pods waiting on it read; progress logged at most every `progressInterval`.
actor ImagePuller {
    /// How a pull ended: when, how long it took, and the image's size or the daemon's error.
    struct Outcome: Sendable {
        var finishedAt: Date
        var seconds: Double
        var sizeBytes: Int?
        var error: DockerError?
    }

    let engine: DockerEngine
    let logger: Logger
    let progressInterval: Duration
    let finished: @Sendable () async -> Void
    private var running: Set<String> = []
    private var outcomes: [String: Outcome] = [:]

    init(
        engine: DockerEngine, logger: Logger, progressInterval: Duration, finished: @escaping @Sendable () async -> Void
    ) {
        self.engine = engine
        self.logger = logger
        self.progressInterval = progressInterval
        self.finished = finished
    }

    /// Starts pulling `image` unless a pull of it runs.
    func start(_ image: String) {
        guard running.insert(image).inserted else { return }
        Task { await self.pull(image) }
    }

    /// The outcome of the last pull of `image` that finished after `date`; nil while one runs or none did.
    func outcome(of image: String, after date: Date) -> Outcome? {
        guard let outcome = outcomes[image], outcome.finishedAt >= date else { return nil }
        return outcome
    }

    private func pull(_ image: String) async {
        let clock = ContinuousClock()
        let started = clock.now
        let tally = Mutex((PullTally(), started))
        logger.info("pulling image \(image)")
        var outcome = Outcome(finishedAt: Date(), seconds: 0)
        do {
            try await engine.pullImage(image) { [logger, progressInterval] progress in
                let line: String? = tally.withLock { state in
                    state.0.add(progress)
                    guard clock.now - state.1 >= progressInterval else { return nil }
                    state.1 = clock.now
                    return state.0.summary
                }
                if let line { logger.info("pulling image \(image): \(line)") }
            }
            outcome.sizeBytes = (try? await engine.inspectImage(image))?.sizeBytes
        } catch {
            outcome.error = error
            logger.warning("cannot pull image \(image): \(error.message)")
        }
        outcome.seconds = (clock.now - started).seconds
        outcome.finishedAt = Date()
        outcomes[image] = outcome
        running.remove(image)
        await finished()
    }
}
