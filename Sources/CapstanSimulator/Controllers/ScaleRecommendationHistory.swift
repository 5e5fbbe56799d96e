import CapstanModel
import Foundation

/// What kube-controller-manager keeps in memory for each HPA — its recent unstabilized recommendations and,
/// with a `behavior`, its recent scale events — kept in the HPA's `status.stabilization` (a simulator
/// extension) so a restarted cluster stabilizes exactly as before.
///
/// Syncs happen every 15 s, so a recommendation repeated at every sync is stored once: `latest` is the one
/// made at every sync since the stored entries, through the previous sync. A steady HPA writes nothing.
struct ScaleRecommendationHistory: Equatable {
    struct Entry: Equatable {
        /// Replicas recommended, or for a scale event the number of pods added or removed.
        var count: Int
        /// Milliseconds since 1970 of the last time it was made.
        var millis: Int64
    }

    /// Recommendations no longer being made, each with the last time it was.
    private(set) var recommendations: [Entry] = []
    private(set) var latest: Int?
    private(set) var scaleUpEvents: [Entry] = []
    private(set) var scaleDownEvents: [Entry] = []
    /// False until the HPA's first sync (which records the current size as a recommendation).
    private(set) var started = false

    /// Every recommendation that may count at a sync at `now`, the latest as made at the previous sync.
    func records(now: Int64, period: Int64) -> [Entry] {
        recommendations + (latest.map { [Entry(count: $0, millis: now - period)] } ?? [])
    }

    /// `recordInitialRecommendation`: the first sync of an HPA counts the current size as a recommendation.
    mutating func recordInitial(_ replicas: Int, now: Int64) {
        guard !started else { return }
        started = true
        recommendations.append(Entry(count: replicas, millis: now))
    }

    /// Records this sync's unstabilized recommendation.
    mutating func record(_ replicas: Int, now: Int64, period: Int64) {
        guard latest != replicas else { return }
        if let latest { recommendations.append(Entry(count: latest, millis: now - period)) }
        if recommendations.last == Entry(count: replicas, millis: now) { recommendations.removeLast() }
        latest = replicas
    }

    /// A sync that made no recommendation (metrics failed, replicas out of range) ends the latest one.
    mutating func skip(now: Int64, period: Int64) {
        guard let latest else { return }
        recommendations.append(Entry(count: latest, millis: now - period))
        self.latest = nil
    }

    /// Forgets recommendations no window includes any more.
    mutating func prune(keeping isKept: (Int64) -> Bool) {
        recommendations.removeAll { !isKept($0.millis) }
    }

    /// `storeScaleEvent`, kept only for HPAs with a `behavior`; events older than `longestPeriod` are dropped.
    mutating func storeScaleEvent(from old: Int, to new: Int, now: Int64, upPeriod: Int64, downPeriod: Int64) {
        scaleUpEvents.removeAll { $0.millis <= now - upPeriod }
        scaleDownEvents.removeAll { $0.millis <= now - downPeriod }
        if new > old {
            scaleUpEvents.append(Entry(count: new - old, millis: now))
        } else if new < old {
            scaleDownEvents.append(Entry(count: old - new, millis: now))
        }
    }

    /// Pods added (`up`) or removed in the `period` before `now` (`getReplicasChangePerPeriod`).
    func change(up: Bool, periodSeconds: Int, now: Int64) -> Int {
        let cutoff = now - Int64(periodSeconds) * 1000
        return (up ? scaleUpEvents : scaleDownEvents).filter { $0.millis > cutoff }.reduce(0) { $0 + $1.count }
    }
}

/// Reading and writing `status.stabilization`.
extension ScaleRecommendationHistory {
    init(_ value: Value?) {
        started = value != nil
        recommendations = Self.entries(value?["recommendations"], "replicas")
        latest = value?["latestRecommendation"]?.intValue
        scaleUpEvents = Self.entries(value?["scaleUpEvents"], "change")
        scaleDownEvents = Self.entries(value?["scaleDownEvents"], "change")
    }

    /// The stored form; nil before the first sync.
    var value: Value? {
        guard started else { return nil }
        var value: Value = [:]
        if !recommendations.isEmpty { value["recommendations"] = Self.value(recommendations, "replicas") }
        if let latest { value["latestRecommendation"] = .int(latest) }
        if !scaleUpEvents.isEmpty { value["scaleUpEvents"] = Self.value(scaleUpEvents, "change") }
        if !scaleDownEvents.isEmpty { value["scaleDownEvents"] = Self.value(scaleDownEvents, "change") }
        return value
    }

    private static func entries(_ value: Value?, _ field: String) -> [Entry] {
        (value?.arrayValue ?? []).compactMap { entry in
            guard let count = entry[field]?.intValue, let time = entry["time"]?.stringValue.flatMap(SimulatedTime.parse)
            else { return nil }
            return Entry(count: count, millis: SimulatedTime.milliseconds(time))
        }
    }

    private static func value(_ entries: [Entry], _ field: String) -> Value {
        .array(
            entries.map { entry in
                let time = Date(timeIntervalSince1970: Double(entry.millis) / 1000)
                return [field: .int(entry.count), "time": .string(SimulatedTime.format(time))]
            })
    }
}
