/// Philox4x32-10 blocks for a run of consecutive counters, computed many at a time with the vector
/// instructions of a ``VectorLevel`` (``VectorKernels/philoxBlocks(_:count:first:word1:word2:word3:key:level:)``).
///
/// Every level gives exactly the words ``Philox4x32/block(_:key:rounds:)`` gives, so outputs never
/// depend on the machine's instruction set.
public enum PhiloxBatch {
    /// Writes to `out[i]` the block of counter (`first` + i, `word1`, `word2`, `word3`) under `key`,
    /// for i in 0..<`count`, computed at `level` (at most ``VectorLevel/best``).
    @inlinable
    public static func fill(
        _ out: UnsafeMutablePointer<Philox4x32.Counter>, count: Int, first: UInt32, word1: UInt32, word2: UInt32,
        word3: UInt32, key: Philox4x32.Key, level: VectorLevel = .best
    ) {
        UnsafeMutableRawPointer(out).withMemoryRebound(to: UInt32.self, capacity: 4 * count) { words in
            VectorKernels.philoxBlocks(
                words, count: count, first: first, word1: word1, word2: word2, word3: word3, key: key, level: level)
        }
    }
}
