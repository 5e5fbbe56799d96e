import ArgumentParser
import CapstanSecrets
import CapstanStore
import Foundation

/// `capstan keys rewrap --config FILE`: every Secret and ConfigMap record encrypted with another key (or not
/// encrypted yet) is encrypted again with the primary key, in small transactions, so it can be interrupted
/// (even killed) and run again. The service must be stopped: it would race the rewrite.
struct KeysRewrapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewrap", abstract: "Re-encrypt stored records with the primary key (service stopped).")
    @OptionGroup var location: KeyRingLocation

    /// Tests slow the run down to interrupt it midway (one record per transaction, a pause after each).
    static let pauseVariable = "CAPSTAN_REWRAP_PAUSE_MS"

    func run() async throws {
        let (keyFile, storePath) = try location.paths()
        let lock = try KeyRingLocation.lockState(of: storePath, for: "keys rewrap")
        defer { lock.release() }
        let ring: KeyRing
        do { ring = KeyRing(try KeyRingFile.load(from: keyFile)) } catch { throw CLIError("\(error)") }
        let store = try StateStore(path: storePath, cipher: ring)
        let pause = ProcessInfo.processInfo.environment[Self.pauseVariable].flatMap(UInt32.init)
        let done = try store.rewrapRecords(
            batchSize: pause == nil ? 100 : 1, needsRewrap: ring.needsRewrap, keyName: Envelope.keyName(of:),
            afterBatch: { if let pause { usleep(pause * 1000) } })
        for (key, count) in done.sorted(by: { $0.key < $1.key }) {
            print("rewrapped \(count) record(s) from \(key) to \(ring.primaryKeyName)")
        }
        print("every encrypted record uses \(ring.primaryKeyName)")
    }
}
