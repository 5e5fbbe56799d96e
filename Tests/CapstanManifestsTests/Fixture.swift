import CapstanModel
import Foundation
import Testing

/// Test files from `Fixtures/`, as the git layer would hand them over.
enum Fixture {
    static func file(_ name: String, as path: String? = nil) throws -> SourceFile {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return SourceFile(path: path ?? name, contents: Array(try Data(contentsOf: url)))
    }

    static func text(_ path: String, _ text: String) -> SourceFile {
        SourceFile(path: path, contents: Array(text.utf8))
    }
}
