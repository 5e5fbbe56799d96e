extension YAMLNode {
    /// The entry for `key` when this is a mapping.
    public func entry(_ key: String) -> Entry? {
        entries?.first { $0.key == key }
    }

    /// The value for `key` when this is a mapping.
    public subscript(key: String) -> YAMLNode? { entry(key)?.value }

    /// The node at `path`, or nil when a step is missing.
    public func node(at path: [PathComponent]) -> YAMLNode? {
        var current = self
        for component in path {
            guard let next = current.child(component) else { return nil }
            current = next
        }
        return current
    }

    /// The line of what `path` names: a key's own line for a mapping member, the item's line for an
    /// index; nil when a step is missing.
    public func line(of path: [PathComponent]) -> Int? {
        guard let last = path.last else { return line }
        guard let parent = node(at: Array(path.dropLast())) else { return nil }
        switch last {
        case .key(let key): return parent.entry(key)?.keyLine
        case .index: return parent.child(last)?.line
        }
    }

    /// The line of the longest prefix of `path` that exists (the node itself for an empty path).
    public func closestLine(of path: [PathComponent]) -> Int {
        var prefix = path
        while !prefix.isEmpty {
            if let line = line(of: prefix) { return line }
            prefix.removeLast()
        }
        return line
    }

    private func child(_ component: PathComponent) -> YAMLNode? {
        switch (component, content) {
        case (.key(let key), .mapping): return self[key]
        case (.index(let index), .sequence(let items)): return items.indices.contains(index) ? items[index] : nil
        default: return nil
        }
    }
}
