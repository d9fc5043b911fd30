/// The integer counts one chunk of citizens makes in one tick — one per ``Count``, and the acts
/// of each behaviour and the members of each list — summed over chunks in chunk order.
///
/// Counts are declared with the columns that read them (``MetricColumns``); this storage never
/// changes when one is added.
struct ChunkTally: BitwiseCopyable {
    private var counts = SIMD32<Int>()
    /// True acts per behaviour.
    var acts = SIMD16<Int32>()
    /// Citizens listed, per list.
    var listed = SIMD8<Int32>()

    init() {
        precondition(Count.allCases.count <= counts.scalarCount, "ChunkTally holds \(counts.scalarCount) counts")
    }

    /// The count of `count`.
    ///
    /// Read and written through the storage's bytes: element access on the vector itself has the
    /// compiler load and store all of it for every increment.
    subscript(count: Count) -> Int {
        @inline(__always) get {
            withUnsafeBytes(of: counts) {
                $0.load(fromByteOffset: count.rawValue * MemoryLayout<Int>.stride, as: Int.self)
            }
        }
        @inline(__always) set {
            withUnsafeMutableBytes(of: &counts) {
                $0.storeBytes(of: newValue, toByteOffset: count.rawValue * MemoryLayout<Int>.stride, as: Int.self)
            }
        }
    }

    /// Adds `other`'s counts to these.
    mutating func add(_ other: ChunkTally) {
        counts &+= other.counts
        acts &+= other.acts
        listed &+= other.listed
    }
}
