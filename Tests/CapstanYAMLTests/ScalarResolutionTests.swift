import CapstanModel
import CapstanYAML
import Testing

/// Plain scalars resolve as go-yaml v2 (sigs.k8s.io/yaml) resolves them.
struct ScalarResolutionTests {
    static let table: [(String, Value)] = [
        // null
        ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nULL", "nULL"),
        // booleans, YAML 1.1 forms of go-yaml v2's table
        ("true", true), ("True", true), ("TRUE", true), ("tRUE", "tRUE"),
        ("false", false), ("False", false), ("FALSE", false),
        ("yes", true), ("Yes", true), ("YES", true), ("no", false), ("No", false), ("NO", false),
        ("on", true), ("On", true), ("ON", true), ("off", false), ("Off", false), ("OFF", false),
        ("y", true), ("Y", true), ("n", false), ("N", false), ("yEs", "yEs"), ("nope", "nope"),
        // ints
        ("0", 0), ("42", 42), ("-17", -17), ("+12", 12), ("-0", 0), ("1_000", 1000), ("1__0_", 10),
        ("0x1F", 31), ("0X1f", 31), ("-0x10", -16), ("0o17", 15), ("0O17", 15), ("017", 15), ("-017", -15),
        ("0b101", 5), ("-0b11", -3), ("9223372036854775807", .int(Int.max)),
        ("-9223372036854775808", .int(Int.min)),
        // floats
        ("1.5", 1.5), ("-1.5", -1.5), ("1e3", 1000.0), ("1E3", 1000.0), ("1e+3", 1000.0), ("2.5e-1", 0.25),
        ("1.", 1.0), (".5", 0.5), ("-.5", -0.5), ("+.5", 0.5), ("08", 8.0), ("09.5", 9.5), ("1_000.5", 1000.5),
        ("9223372036854775808", .double(9223372036854775808.0)), ("99999999999999999999", .double(1e20)),
        (".inf", .double(.infinity)), (".Inf", .double(.infinity)), (".INF", .double(.infinity)),
        ("+.inf", .double(.infinity)), ("-.inf", .double(-.infinity)), ("-.Inf", .double(-.infinity)),
        // strings
        ("1e400", "1e400"), ("0x", "0x"), ("0b", "0b"), ("0xZZ", "0xZZ"), ("1.2.3", "1.2.3"), ("-x", "-x"), ("+", "+"),
        ("inf", "inf"), ("-.nan", "-.nan"), ("12:30", "12:30"), ("1e", "1e"), (".", "."), ("._5", "._5"),
        ("2001-12-14", "2001-12-14"), ("2001-12-14T21:59:43.10Z", "2001-12-14T21:59:43.10Z"),
        ("nginx:1.25", "nginx:1.25"), ("hello world", "hello world"), ("<<", "<<"), ("500m", "500m"),
        ("8Gi", "8Gi"), ("v1", "v1"), ("=", "="),
    ]

    @Test(arguments: table)
    func plainScalar(text: String, expected: Value) throws {
        let documents = try YAMLParser.documents("value: \(text)\n")
        #expect(documents.first?.value["value"] == expected)
        #expect(YAMLScalarResolver.resolvePlain(text) == expected)
    }

    @Test func notANumber() throws {
        for text in [".nan", ".NaN", ".NAN"] {
            let value = try YAMLParser.documents("v: \(text)").first?.value["v"]
            #expect(value?.doubleValue?.isNaN == true, "\(text)")
        }
    }

    static let quoted: [String] = ["'true'", "\"42\"", "'null'", "\"~\"", "'0x1F'", "\"1.5\"", "''", "'yes'"]

    @Test(arguments: quoted)
    func quotedScalarsAreStrings(text: String) throws {
        let value = try YAMLParser.documents("v: \(text)").first?.value["v"]
        #expect(value?.stringValue != nil)
    }

    @Test func blockScalarsAreStrings() throws {
        let value = try YAMLParser.documents("a: |\n  42\nb: >-\n  true\n").first?.value
        #expect(value?["a"] == "42\n")
        #expect(value?["b"] == "true")
    }
}
