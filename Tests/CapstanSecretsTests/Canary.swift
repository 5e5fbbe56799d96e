import Foundation
import Testing

/// Secret-looking random values for tests, and the check that no error ever repeats one.
enum Canary {
    /// A fresh random value that cannot appear anywhere by chance.
    static func value(_ label: String = "canary") -> String {
        "\(label)-\(UUID().uuidString)-\(UInt64.random(in: .min ... .max))"
    }

    /// Every text form of `error` (description, debug description, interpolation, localized description)
    /// contains none of `secrets`, nor their base64 forms.
    static func expectNoLeak(
        _ error: any Error, of secrets: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let texts = [
            String(describing: error), String(reflecting: error), "\(error)", error.localizedDescription,
        ]
        for secret in secrets where !secret.isEmpty {
            for form in [secret, Data(secret.utf8).base64EncodedString()] {
                for text in texts where text.contains(form) {
                    Issue.record("error text repeats a secret value: \(text)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Runs `body`, expects it to throw an `E`, checks the error leaks none of `secrets` and returns it.
    @discardableResult
    static func expectError<E: Error>(
        _ type: E.Type, leaking secrets: [String], sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) -> E? {
        do {
            try body()
            Issue.record("expected \(E.self), nothing was thrown", sourceLocation: sourceLocation)
            return nil
        } catch let error as E {
            expectNoLeak(error, of: secrets, sourceLocation: sourceLocation)
            return error
        } catch {
            Issue.record("expected \(E.self), got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
