#if arch(x86_64)
    import Agents
    import CVector

    extension TieSums {
        /// The sums ``add(words:kinds:count:)`` makes, for every citizen of a block at once, 16
        /// ties at a time with AVX-512 or 8 with AVX2 (CVector's `cvector_sum_block_ties_avx512`
        /// and `_avx2`): what citizen i of the `count` in `block` sees, with family ties weighing
        /// `familyWeight`, goes to `neighbourhoods[i]`, and the counts of its ties who did the
        /// behaviours of group g to `behaviourCounts[g · stride + i]` for g < `groups`. A detained
        /// citizen sees nothing. `level` is ``VectorLevel/avx2`` or ``VectorLevel/avx512``.
        @inline(__always)
        static func sumBlock(
            _ block: cvector_tie_block, count: Int, groups: Int, familyWeight: Float, level: VectorLevel,
            neighbourhoods: UnsafeMutablePointer<Neighbourhood>, behaviourCounts: UnsafeMutablePointer<SIMD4<Float>>,
            stride: Int
        ) {
            precondition(level >= .avx2 && level <= .best, "\(level) has no block tie sums on this CPU")
            let counts = UnsafeMutableRawPointer(behaviourCounts).assumingMemoryBound(to: Float.self)
            withUnsafePointer(to: block) { block in
                if level == .avx512 {
                    cvector_sum_block_ties_avx512(
                        block, count, Int32(groups), familyWeight, neighbourhoods, counts, stride)
                } else {
                    cvector_sum_block_ties_avx2(
                        block, count, Int32(groups), familyWeight, neighbourhoods, counts, stride)
                }
            }
        }
    }
#endif
