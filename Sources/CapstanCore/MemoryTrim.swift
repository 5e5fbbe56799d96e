/// Gives memory freed by a burst of work back to the system.
enum MemoryTrim {
    /// Decoding runs on Dispatch threads whose malloc arenas the rest of the service does not reuse; without
    /// this, a large render's freed buffers would stay resident next to everything allocated after it.
    static func releaseFreedMemory() {
        #if os(Linux)
            _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
    /// glibc's `malloc_trim`, which the Glibc module does not export.
    @_silgen_name("malloc_trim")
    private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
