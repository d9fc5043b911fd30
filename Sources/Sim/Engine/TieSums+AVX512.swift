#if arch(x86_64)
    import CVector

    extension TieSums {
        /// The sums ``add(words:kinds:count:)`` makes, 16 ties at a time with AVX-512 (CVector's
        /// `cvector_sum_ties_avx512`): what they show with family ties weighing `familyWeight`, and
        /// the counts of ties who did the behaviours of group g, written to
        /// `behaviourCounts[g · stride]` for g < `groups`. Needs ``VectorLevel/avx512``.
        @inline(__always)
        static func sumAVX512(
            ownWord: UInt32, words: UnsafePointer<UInt32>, kinds: UnsafePointer<UInt8>?, count: Int,
            familyWeight: Float, behaviourCounts: UnsafeMutablePointer<SIMD4<Float>>, stride: Int, groups: Int
        ) -> Neighbourhood {
            var sums = cvector_tie_sums()
            cvector_sum_ties_avx512(words, kinds, count, ownWord, Int32(groups), &sums)
            withUnsafeBytes(of: sums.behaviour_counts) { counts in
                for group in 0..<groups {
                    let lanes = counts.loadUnaligned(fromByteOffset: 16 * group, as: SIMD4<UInt32>.self)
                    behaviourCounts[group * stride] = SIMD4<Float>(SIMD4<Int32>(truncatingIfNeeded: lanes))
                }
            }
            return Neighbourhood(
                visible: sums.counts.1, dissenting: sums.counts.0, listed: sums.counts.2, outranking: sums.counts.3,
                visibleFamily: sums.family_visible, listedFamily: sums.family_listed,
                fractionTotal: sums.fraction_sum, familyFractionTotal: sums.family_fraction_sum,
                stigmatized: sums.visible_stigmatized != 0, schoolRestricted: sums.family_school_restricted != 0,
                familyWeight: familyWeight)
        }
    }
#endif
