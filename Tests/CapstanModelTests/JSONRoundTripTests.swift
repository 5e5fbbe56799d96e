import CapstanModel
import Foundation
import Testing

@Suite struct JSONRoundTripTests {
    @Test(arguments: [
        "null", "true", "false", "0", "-42", "9223372036854775807", "1.5", "-2.5e-3", "\"\"",
        "\"quote \\\" backslash \\\\ newline \\n tab \\t\"", "\"\\u00e9\\ud83d\\ude00\"", "[]", "{}",
        "[1,[2,[3]],{\"a\":{\"b\":null}}]", "{\"b\":1,\"a\":[true,false]}",
    ])
    func parseThenEncodeIsStable(_ text: String) throws {
        let value = try JSONParser.parse(text)
        let encoded = value.jsonString()
        #expect(try JSONParser.parse(encoded) == value)
        #expect(try JSONParser.parse(value.prettyJSONString()) == value)
    }

    @Test func keysAreSortedSoEqualValuesGiveEqualBytes() throws {
        let a = try JSONParser.parse("{\"z\":1,\"a\":{\"y\":2,\"b\":3}}")
        #expect(a.jsonString() == "{\"a\":{\"b\":3,\"y\":2},\"z\":1}")
        #expect(a.sha256Hex() == (try JSONParser.parse("{\"a\":{\"y\":2,\"b\":3},\"z\":1}")).sha256Hex())
    }

    @Test func encodingMatchesFoundationForStrings() throws {
        let samples = ["plain", "tab\there", "ctl\u{01}", "émoji 😀", "slash/", "quote\"", "back\\slash"]
        for sample in samples {
            let ours = Value.string(sample).jsonString()
            let decoded = try JSONSerialization.jsonObject(with: Data(ours.utf8), options: .fragmentsAllowed) as? String
            #expect(decoded == sample)
        }
    }

    @Test func hashIsTheSHA256OfTheCanonicalJSON() {
        let value: Value = ["a": 1]
        // echo -n '{"a":1}' | sha256sum
        #expect(value.sha256Hex() == "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862")
    }

    @Test(arguments: [
        ("{\"a\":1,}", 1, 8), ("[1 2]", 1, 4), ("{\"a\":1}\n x", 2, 2), ("\"unterminated", 1, 14),
        ("{\"a\":1,\"a\":2}", 1, 12), ("01", 1, 2), ("tru", 1, 1),
    ])
    func syntaxErrorsSayWhere(_ text: String, _ line: Int, _ column: Int) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }
}

@Suite struct TimestampTests {
    @Test func timestampsRoundTripToTheSameText() {
        for offset in stride(from: 0.0, to: 1.0, by: 0.0137) {
            let date = Date(timeIntervalSince1970: 1_763_744_949 + offset)
            let text = CapstanJSON.formatTimestamp(date)
            let parsed = CapstanJSON.parseTimestamp(text)
            #expect(parsed.map(CapstanJSON.formatTimestamp) == text)
        }
        #expect(CapstanJSON.formatTimestamp(Date(timeIntervalSince1970: 0.5)) == "1970-01-01T00:00:00.500Z")
        #expect(CapstanJSON.parseTimestamp("2026-01-01T00:00:00Z") == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(CapstanJSON.parseTimestamp("2026-01-01T00:00:00.25Z") == Date(timeIntervalSince1970: 1_767_225_600.25))
        #expect(CapstanJSON.parseTimestamp("yesterday") == nil)
    }
}
