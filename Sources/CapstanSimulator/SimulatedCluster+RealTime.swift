import Foundation

/// Running the simulation against a real clock, `timeScale` simulated seconds per real second.
extension SimulatedCluster {
    /// Advances simulated time with `clock` until the task is cancelled: the simulation sleeps until its
    /// next controller wake-up (at most `maxSleep`), so an idle cluster costs nothing.
    public func runRealTime<C: Clock>(clock: C, timeScale: Double, maxSleep: Duration = .milliseconds(250)) async
    where C.Duration == Duration {
        let realStart = clock.now
        let simulatedStart = now
        while !Task.isCancelled {
            let elapsed = realStart.duration(to: clock.now).seconds
            advance(to: simulatedStart.addingTimeInterval(elapsed * timeScale))
            var sleep = maxSleep
            if let wakeUp = nextWakeUp {
                let realDelay = max(wakeUp.timeIntervalSince(now) / timeScale, 0.001)
                sleep = min(sleep, .milliseconds(Int64((realDelay * 1000).rounded(.up))))
            }
            try? await clock.sleep(for: sleep)
        }
    }
}
