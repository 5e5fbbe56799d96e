import CapstanModel
import CapstanYAML

/// Decodes and validates the resources of one file.
struct ManifestFileDecoder {
    var validator: ResourceValidator

    func decode(_ file: SourceFile, as kind: ManifestFileKind) -> DecodedFile {
        var result = DecodedFile()
        switch kind {
        case .yaml:
            let documents: [YAMLDocument]
            do {
                documents = try YAMLParser.documents(file.contents, file: file.path)
            } catch {
                result.problems.append(problem(file.path, error.line, error.message))
                return result
            }
            let locator = LineLocator(bytes: file.contents, file: file.path)
            for document in documents where !document.value.isNull {
                let place = Place(file: file.path, line: document.line, locator: locator, documentIndex: document.index)
                add(document.value, at: place, to: &result)
            }
        case .json:
            decodeJSON(file, into: &result)
        case .kustomization, .helmChart, .ignored:
            break
        }
        return result
    }

    private func decodeJSON(_ file: SourceFile, into result: inout DecodedFile) {
        var file = file
        if file.contents.starts(with: [0xEF, 0xBB, 0xBF]) { file.contents.removeFirst(3) }  // UTF-8 byte order mark
        guard let firstByte = file.contents.firstIndex(where: { !Self.isJSONWhitespace($0) }) else { return }
        if let invalid = Self.firstInvalidUTF8Offset(file.contents) {
            let line = Self.line(at: invalid, in: file.contents)
            result.problems.append(problem(file.path, line, "the text is not valid UTF-8"))
            return
        }
        do {
            let value = try JSONParser.parse(file.contents)
            let locator = LineLocator(bytes: file.contents, file: file.path)
            let place = Place(file: file.path, line: Self.line(at: firstByte, in: file.contents), locator: locator)
            add(value, at: place, to: &result)
        } catch {
            result.problems.append(problem(file.path, error.line, "invalid JSON: \(error.message)"))
        }
    }

    /// Validates one document's resource (or each item of a `kind: List`) and records it or its problems.
    private func add(_ value: Value, at place: Place, to result: inout DecodedFile) {
        guard value["kind"] == "List", value["apiVersion"] == "v1" else {
            addResource(value, at: place, to: &result)
            return
        }
        guard let items = value["items"].map({ $0.isNull ? [] : $0.arrayValue }) ?? [] else {
            result.problems.append(problem(place.file, place.line(of: ["items"]), "List: items must be a list"))
            return
        }
        for (index, item) in items.enumerated() {
            var itemPlace = place
            itemPlace.basePath = ["items", .index(index)]
            itemPlace.line = place.line(of: itemPlace.basePath)
            addResource(item, at: itemPlace, to: &result)
        }
    }

    private func addResource(_ value: Value, at place: Place, to result: inout DecodedFile) {
        let issues = validator.issues(in: value)
        guard !issues.isEmpty else {
            let location = SourceLocation(file: place.file, line: place.line)
            var decoded = DecodedManifest(
                manifest: Manifest(resource: Resource(value), location: location), locator: place.locator,
                documentIndex: place.documentIndex, basePath: place.basePath)
            applyNamespace(to: &decoded)
            result.manifests.append(decoded)
            return
        }
        for issue in issues {
            result.problems.append(problem(place.file, place.line(of: issue.path), issue.message))
        }
    }

    /// Namespaced kinds without a namespace get the default one; an empty namespace is dropped from
    /// cluster-scoped kinds (a non-empty one was already reported by the validator).
    private func applyNamespace(to decoded: inout DecodedManifest) {
        let resource = decoded.manifest.resource
        if ResourceScope.isClusterScoped(group: resource.group, kind: resource.kind) {
            if resource.value[path: ["metadata", "namespace"]] != nil { decoded.manifest.resource.namespace = "" }
        } else if resource.namespace.isEmpty {
            decoded.manifest.resource.namespace = validator.defaultNamespace
            decoded.namespaceDefaulted = true
        }
    }

    private func problem(_ file: String, _ line: Int, _ message: String) -> ManifestProblem {
        ManifestProblem(location: SourceLocation(file: file, line: line), message: message)
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\t")
    }

    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil when all is valid.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}
