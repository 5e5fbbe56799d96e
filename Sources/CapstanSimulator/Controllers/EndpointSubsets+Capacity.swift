/// Kubernetes' cap on the size of an Endpoints object (EndpointSlices have no such cap).
extension EndpointSubsets {
    /// Addresses an Endpoints object holds at most; beyond it the controller truncates and annotates.
    static let maxCapacity = 1000
    /// The annotation set on a truncated Endpoints object, with the value `truncated`.
    static let overCapacityAnnotation = "endpoints.kubernetes.io/over-capacity"

    /// Kubernetes' `truncateEndpoints`: keeps at most `capacity` addresses, ready ones first, each subset keeping
    /// its proportional share rounded up (so the last ones may get fewer). Returns true when it truncated.
    mutating func truncate(to capacity: Int = maxCapacity) -> Bool {
        let totalReady = subsets.reduce(0) { $0 + $1.addresses.count }
        let totalNotReady = subsets.reduce(0) { $0 + $1.notReadyAddresses.count }
        guard totalReady + totalNotReady > capacity else { return false }
        let truncateReady = totalReady > capacity
        let limit = truncateReady ? capacity : capacity - totalReady
        let total = truncateReady ? totalReady : totalNotReady
        var room = limit
        for index in subsets.indices {
            let inSubset = truncateReady ? subsets[index].addresses.count : subsets[index].notReadyAddresses.count
            let share = min((inSubset * limit + total - 1) / total, room)
            if truncateReady {
                subsets[index].addresses = Array(subsets[index].addresses.prefix(share))
                subsets[index].notReadyAddresses = []
                room -= subsets[index].addresses.count
            } else {
                subsets[index].notReadyAddresses = Array(subsets[index].notReadyAddresses.prefix(share))
                room -= subsets[index].notReadyAddresses.count
            }
        }
        return true
    }
}
