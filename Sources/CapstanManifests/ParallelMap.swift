import Dispatch
import Foundation
import Synchronization

/// Maps indices on all cores with Dispatch, keeping the results in index order.
enum ParallelMap {
    static func map<T: Sendable>(count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let slots = Mutex<[T?]>(Array(repeating: nil, count: count))
        // A few chunks per core balance uneven files without much locking.
        let chunkCount = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)
            let results = range.map(work)
            slots.withLock { slots in
                for (offset, result) in results.enumerated() { slots[range.lowerBound + offset] = result }
            }
        }
        return slots.withLock { $0.map { $0! } }
    }
}
