/// When the throughput run pushes which prepared commit: `pushes` pushes, the first before the clock starts, the
/// last once 90 % of the requests were issued, the others evenly between; each pushes the next share of commits.
struct PushPlan: Sendable {
    let commits: Int
    let pushes: Int
    let requests: Int

    /// The index of the commit that push `step` (0 ..< pushes) makes the head of `main`.
    func commitIndex(step: Int) -> Int {
        (step + 1) * commits / pushes - 1
    }

    /// Deliveries issued before push `step` happens (0 for the first).
    func threshold(step: Int) -> Int {
        guard pushes > 1 else { return 0 }
        return step * (requests * 9 / 10) / (pushes - 1)
    }
}
