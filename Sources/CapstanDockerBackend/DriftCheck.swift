/// Which containers a pass inspects for limits changed by hand: all of them on a drift-timer pass, otherwise
/// those Docker reported an `update` event for (the list call's image is checked on every pass, for free).
struct DriftCheck: Sendable, Equatable {
    var all = false
    var containers: Set<String> = []

    func covers(_ id: String) -> Bool { all || containers.contains(id) }
}
