#if arch(x86_64)
    import CVector

    extension TieSums {
        /// The sums ``add(words:kinds:count:)`` makes, for every citizen of a block at once, 16
        /// ties at a time with AVX-512 (CVector's `cvector_sum_block_ties_avx512`): what citizen i
        /// of the `count` in `block` sees, with family ties weighing `familyWeight`, goes to
        /// `neighbourhoods[i]`, and the counts of its ties who did the behaviours of group g to
        /// `behaviourCounts[g · stride + i]` for g < `groups`. A detained citizen sees nothing.
        /// Needs ``VectorLevel/avx512``.
        @inline(__always)
        static func sumAVX512(
            block: cvector_tie_block, count: Int, groups: Int, familyWeight: Float,
            neighbourhoods: UnsafeMutablePointer<Neighbourhood>, behaviourCounts: UnsafeMutablePointer<SIMD4<Float>>,
            stride: Int
        ) {
            withUnsafePointer(to: block) { block in
                cvector_sum_block_ties_avx512(
                    block, count, Int32(groups), familyWeight, neighbourhoods,
                    UnsafeMutableRawPointer(behaviourCounts).assumingMemoryBound(to: Float.self), stride)
            }
        }
    }
#endif
