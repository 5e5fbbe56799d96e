#if canImport(Glibc)
    import Glibc
#endif

/// Names the calling thread as `ps -L`, `top -H` and debuggers show it.
///
/// Foundation's `Thread.name` does not reach the kernel on Linux, where a new thread keeps its creator's name
/// (a Dispatch worker's `…root.default-qos`), so blocking threads name themselves through
/// `/proc/thread-self/comm` (`pthread_setname_np` is not visible to Swift without `_GNU_SOURCE`).
enum ThreadName {
    /// The kernel keeps 15 bytes of a name.
    static let maximumLength = 15

    static func setCurrent(_ name: String) {
        #if canImport(Glibc)
            let file = open("/proc/thread-self/comm", O_WRONLY)
            guard file >= 0 else { return }
            defer { close(file) }
            let bytes = Array(name.utf8.prefix(maximumLength))
            _ = bytes.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        #endif
    }
}
