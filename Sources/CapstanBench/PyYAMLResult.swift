/// PyYAML's CSafeLoader over the same files, as scripts/bench/pyyaml_parse.py prints it.
struct PyYAMLResult: Codable, Sendable {
    var files: Int
    var documents: Int
    var bytes: Int
    var seconds: [Double]
    var python: String
    var pyyaml: String

    var samples: Samples { Samples(seconds.map { $0 * 1000 }) }
}
