import CapstanModel

extension ContainerMount {
    /// The Engine API form (`{"Type": "volume", "Source": ..., "Target": ..., "ReadOnly": ...}`).
    var json: Value {
        var object: [String: Value] = ["Type": .string(kind.rawValue), "Target": .string(target)]
        if let source { object["Source"] = .string(source) }
        if readOnly { object["ReadOnly"] = true }
        if kind == .tmpfs && (tmpfsSizeBytes != nil || tmpfsMode != nil) {
            var options: [String: Value] = [:]
            if let tmpfsSizeBytes { options["SizeBytes"] = .int(tmpfsSizeBytes) }
            if let tmpfsMode { options["Mode"] = .int(tmpfsMode) }
            object["TmpfsOptions"] = .object(options)
        }
        return .object(object)
    }

    /// Reads the Engine API form; nil for kinds this client does not model (`npipe`).
    init?(json: Value) {
        guard let kind = json["Type"]?.stringValue.flatMap(Kind.init(rawValue:)),
            let target = json["Target"]?.stringValue
        else { return nil }
        let source = json["Source"]?.stringValue
        self.init(
            kind: kind, source: source?.isEmpty == true ? nil : source, target: target,
            readOnly: json["ReadOnly"]?.boolValue ?? false,
            tmpfsSizeBytes: json[path: ["TmpfsOptions", "SizeBytes"]]?.intValue,
            tmpfsMode: json[path: ["TmpfsOptions", "Mode"]]?.intValue)
    }
}
