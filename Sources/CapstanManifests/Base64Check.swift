/// Go's `base64.StdEncoding` acceptance, which Kubernetes applies to Secret `data`: the standard
/// alphabet with `=` padding to a multiple of four; `\r` and `\n` are ignored.
enum Base64Check {
    static func isValid(_ text: String) -> Bool {
        var count = 0
        var padding = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "="):
                padding += 1
                guard padding <= 2 else { return false }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                guard padding == 0 else { return false }
            default:
                return false
            }
            count += 1
        }
        return count % 4 == 0
    }
}
