/// A fixed-length buffer of plain values, allocated once and freed with its owner.
///
/// The storage of every per-citizen and per-tie quantity. Workers of a parallel pass share a column
/// and write disjoint index ranges, which is why it is `@unchecked Sendable`: the engine's chunking
/// guarantees no two workers touch the same element in one pass.
public final class Column<Element: BitwiseCopyable>: @unchecked Sendable {
    /// Number of elements.
    public let count: Int
    /// First element; valid for `count` elements for the column's lifetime.
    public let base: UnsafeMutablePointer<Element>

    /// A column of `count` copies of `value`.
    public init(count: Int, repeating value: Element) {
        precondition(count >= 0, "negative column length")
        self.count = count
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: count)
    }

    /// A column holding `values`.
    public init(_ values: [Element]) {
        count = values.count
        base = .allocate(capacity: Swift.max(values.count, 1))
        values.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { base.initialize(from: start, count: source.count) }
        }
    }

    deinit {
        base.deallocate()
    }

    @inlinable
    public subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// The elements as a buffer, for bulk reads.
    public var buffer: UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(start: base, count: count)
    }

    /// Bytes held by the column.
    public var byteCount: Int { count * MemoryLayout<Element>.stride }

    /// Sets every element to `value`.
    public func fill(_ value: Element) {
        base.update(repeating: value, count: count)
    }

    /// A copy of the elements as an array (for tests and small outputs).
    public func toArray() -> [Element] {
        Array(buffer)
    }
}
