import CCurl
import Foundation
import Synchronization

/// One libcurl multi handle driven by one dedicated thread.
///
/// Every transfer of a client runs here, so libcurl's blocking waits never occupy Swift's
/// cooperative pool, and the multi handle's connection cache lets sequential requests to one
/// host or socket reuse a connection. Other threads only queue work and wake the loop.
final class CurlMultiLoop: @unchecked Sendable {
    /// Work handed over by other threads, guarded by `inbox`.
    private struct Inbox {
        var submitted: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        var isShutdown = false
    }

    /// Idle easy handles kept for reuse.
    private static let maxIdleHandles = 16
    /// Idle connections cached at least, across all hosts.
    private static let minCachedConnections = 16
    /// Longest sleep when nothing happens; libcurl's own timers shorten it.
    private static let pollMilliseconds: Int32 = 5000

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    // Loop thread only.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []

    init(maxConnectionsPerHost: Int) {
        let global = CurlGlobal.initResult
        guard global == CURLE_OK, let multi = curl_multi_init() else {
            fatalError("libcurl could not be initialised: \(String(cString: curl_easy_strerror(global)))")
        }
        self.multi = multi
        capstan_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, maxConnectionsPerHost))
        // Idle connections kept; curl's default (4 per busy handle) would drop them when load falls.
        capstan_curl_multi_setopt_long(
            multi, CURLMOPT_MAXCONNECTS, max(Self.minCachedConnections, maxConnectionsPerHost))
        let thread = Thread { [self] in run() }
        thread.name = "capstan-curl"
        thread.start()
    }

    /// Queues `transfer` to start; fails it at once with `shutdown` after `shutdown()`.
    func submit(_ transfer: CurlTransfer) {
        let accepted = inbox.withLock { inbox in
            guard !inbox.isShutdown else { return false }
            inbox.submitted.append(transfer)
            curl_multi_wakeup(multi)
            return true
        }
        if !accepted { transfer.fail(.shutdown) }
    }

    /// Stops `transfer` promptly and fails it with `cancelled`; harmless once it finished.
    func cancel(_ transfer: CurlTransfer) {
        transfer.cancelRequested.store(true, ordering: .sequentiallyConsistent)
        inbox.withLock { inbox in
            guard !inbox.isShutdown else { return }
            inbox.cancelled.append(transfer)
            curl_multi_wakeup(multi)
        }
    }

    /// Fails queued and running transfers with `shutdown`, closes connections and ends the thread.
    func shutdown() {
        inbox.withLock { inbox in
            guard !inbox.isShutdown else { return }
            inbox.isShutdown = true
            curl_multi_wakeup(multi)
        }
    }

    private func run() {
        while true {
            let (submitted, cancelled, isShutdown) = inbox.withLock { inbox in
                defer {
                    inbox.submitted.removeAll()
                    inbox.cancelled.removeAll()
                }
                return (inbox.submitted, inbox.cancelled, inbox.isShutdown)
            }
            if isShutdown {
                close(leftovers: submitted)
                return
            }
            submitted.forEach(start)
            cancelled.forEach(abort)
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinished()
            curl_multi_poll(multi, nil, 0, Self.pollMilliseconds, nil)
        }
    }

    private func start(_ transfer: CurlTransfer) {
        guard !transfer.cancelRequested.load(ordering: .sequentiallyConsistent) else {
            transfer.fail(.cancelled)
            return
        }
        guard let easy = idleHandles.popLast() ?? curl_easy_init() else {
            transfer.fail(
                HTTPClientError(
                    kind: .transfer, method: transfer.request.method,
                    url: transfer.request.url, detail: "out of memory", isRetryable: true))
            return
        }
        if let problem = transfer.configure(easy) {
            transfer.fail(problem)
            recycle(easy, from: transfer)
            return
        }
        active[easy] = transfer
        curl_multi_add_handle(multi, easy)
    }

    private func abort(_ transfer: CurlTransfer) {
        guard let easy = transfer.easy, active[easy] === transfer else { return }
        curl_multi_remove_handle(multi, easy)
        active[easy] = nil
        transfer.fail(.cancelled)
        recycle(easy, from: transfer)
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            curl_multi_remove_handle(multi, easy)
            guard let transfer = active.removeValue(forKey: easy) else { continue }
            transfer.complete(code: code)
            recycle(easy, from: transfer)
        }
    }

    /// Resets a handle that left the multi handle and keeps it for the next transfer.
    private func recycle(_ easy: UnsafeMutableRawPointer, from transfer: CurlTransfer) {
        curl_easy_reset(easy)
        transfer.easy = nil
        if idleHandles.count < Self.maxIdleHandles {
            idleHandles.append(easy)
        } else {
            curl_easy_cleanup(easy)
        }
    }

    private func close(leftovers: [CurlTransfer]) {
        leftovers.forEach { $0.fail(.shutdown) }
        for (easy, transfer) in active {
            curl_multi_remove_handle(multi, easy)
            transfer.fail(.shutdown)
            curl_easy_reset(easy)
            curl_easy_cleanup(easy)
        }
        active.removeAll()
        idleHandles.forEach { curl_easy_cleanup($0) }
        idleHandles.removeAll()
        curl_multi_cleanup(multi)
    }
}
