import CapstanModel

/// The `pod-template-hash` label: FNV-1a of the pod template, spelled in Kubernetes' safe alphabet.
enum PodTemplateHash {
    static func compute(_ template: Value) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in template.jsonBytes() {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        // rand.SafeEncodeString(fmt.Sprint(hash)): each decimal digit mapped into the alphabet.
        let alphabet = SeededRandom.alphabet
        return String(String(hash).utf8.map { alphabet[Int($0) % alphabet.count] })
    }
}
