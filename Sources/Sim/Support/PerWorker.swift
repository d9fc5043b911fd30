/// A column split into one region per worker, each `regionSize` elements and padded by a cache
/// line, so workers never write the same line.
struct PerWorker<Element: BitwiseCopyable>: @unchecked Sendable {
    private let storage: Column<Element>
    private let stride: Int

    /// `workers` regions of `regionSize` elements, each `value`.
    init(workers: Int, regionSize: Int, repeating value: Element) {
        stride = regionSize + max(1, 64 / max(1, MemoryLayout<Element>.stride))
        storage = Column(count: workers * stride, repeating: value)
    }

    /// Worker `worker`'s region.
    @inline(__always)
    subscript(worker: Int) -> UnsafeMutablePointer<Element> {
        storage.base + worker * stride
    }

    /// Bytes held.
    var byteCount: Int { storage.byteCount }
}
