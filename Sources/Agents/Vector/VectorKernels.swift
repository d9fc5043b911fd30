import CVector

/// The one way into CVector's kernels: each function runs the version of its kernel for the
/// ``VectorLevel`` it is given, so the choice of instructions is made here and nowhere else.
///
/// The kernels are C because Swift cannot compile one function for AVX-512 and call it only
/// where the CPU has it; C can (`__attribute__((target))`). Every level gives the same results.
/// Philox blocks exist at every level; the tie sums, behaviour choices and ratings exist for
/// AVX2 and AVX-512 only: the tie sums and choices return false, doing nothing, below AVX2, and
/// ``hasRatingsKernel(for:level:)`` tells whether the ratings kernel runs; the caller runs its
/// portable Swift code otherwise. Every `level` must be at most ``VectorLevel/best``.
public enum VectorKernels {
    /// Writes the Philox4x32-10 block of counter (`first` + i, `word1`, `word2`, `word3`) under
    /// `key` to words 4 i ..< 4 i + 4 of `out`, for i in 0..<`count`.
    @inlinable @inline(__always)
    public static func philoxBlocks(
        _ out: UnsafeMutablePointer<UInt32>, count: Int, first: UInt32, word1: UInt32, word2: UInt32, word3: UInt32,
        key: Philox4x32.Key, level: VectorLevel
    ) {
        precondition(level <= .best, "\(level) is not supported by this CPU")
        switch level {
        case .scalar:
            cvector_philox_blocks_scalar(first, count, word1, word2, word3, key[0], key[1], out)
        case .avx2:
            #if arch(x86_64)
                cvector_philox_blocks_avx2(first, count, word1, word2, word3, key[0], key[1], out)
            #endif
        case .avx512:
            #if arch(x86_64)
                cvector_philox_blocks_avx512(first, count, word1, word2, word3, key[0], key[1], out)
            #endif
        }
    }

    /// Chooses the acts of `count` citizens from `inputs` over the `groups` groups of four
    /// behaviours in `constants` (at most `CVECTOR_CONDUCT_GROUP_LIMIT`): bit 4 g + l of `done[i]`
    /// for behaviour l of group g. Returns false below AVX2.
    @inlinable @inline(__always)
    public static func conductActs(
        count: Int, groups: Int, constants: UnsafePointer<cvector_conduct_group>,
        inputs: UnsafePointer<cvector_conduct_inputs>, done: UnsafeMutablePointer<UInt32>, level: VectorLevel
    ) -> Bool {
        precondition(level <= .best, "\(level) is not supported by this CPU")
        precondition(groups <= Int(CVECTOR_CONDUCT_GROUP_LIMIT), "\(groups) groups of acts do not fit in 32 bits")
        #if arch(x86_64)
            switch level {
            case .scalar: return false
            case .avx2: cvector_conduct_acts_avx2(count, groups, constants, inputs, done)
            case .avx512: cvector_conduct_acts_avx512(count, groups, constants, inputs, done)
            }
            return true
        #else
            return false
        #endif
    }

    /// Sums the ties of the `count` citizens of `block`: what citizen i sees, with family ties
    /// weighing `familyWeight`, goes to `seen[i]`, and the counts of its ties who did the
    /// behaviours of group g (g < `groups` ≤ `CVECTOR_BEHAVIOUR_GROUPS`) to the four floats at
    /// 4 (g · `stride` + i) of `behaviourCounts`. Returns false below AVX2.
    @inlinable @inline(__always)
    public static func sumBlockTies(
        _ block: UnsafePointer<cvector_tie_block>, count: Int, groups: Int, familyWeight: Float,
        seen: UnsafeMutablePointer<Neighbourhood>, behaviourCounts: UnsafeMutablePointer<Float>, stride: Int,
        level: VectorLevel
    ) -> Bool {
        precondition(level <= .best, "\(level) is not supported by this CPU")
        precondition(groups <= Int(CVECTOR_BEHAVIOUR_GROUPS), "the tie sums count \(CVECTOR_BEHAVIOUR_GROUPS) groups")
        #if arch(x86_64)
            switch level {
            case .scalar: return false
            case .avx2:
                cvector_sum_block_ties_avx2(block, count, Int32(groups), familyWeight, seen, behaviourCounts, stride)
            case .avx512:
                cvector_sum_block_ties_avx512(block, count, Int32(groups), familyWeight, seen, behaviourCounts, stride)
            }
            return true
        #else
            return false
        #endif
    }

    /// Whether `level` has a ratings kernel for `rules`: AVX2 or better, and at most
    /// `CVECTOR_RATINGS_LIMIT` ratings a citizen a tick. Otherwise the caller runs its portable code.
    @inlinable @inline(__always)
    public static func hasRatingsKernel(for rules: cvector_rating_rules, level: VectorLevel) -> Bool {
        #if arch(x86_64)
            level >= .avx2 && rules.whole + (rules.extra_chance > 0 ? 1 : 0) <= Int32(CVECTOR_RATINGS_LIMIT)
        #else
            false
        #endif
    }

    /// The ratings the `count` citizens of `inputs` receive under `rules`: Σ weight and
    /// Σ weight · rating of citizen i to `weightSums[i]` and `weightedRatings[i]`, and the ratings
    /// given, their sum and the five-star ones added to `totals[0...2]`. Only where
    /// ``hasRatingsKernel(for:level:)``.
    @inlinable @inline(__always)
    public static func receiveRatings(
        count: Int, rules: UnsafePointer<cvector_rating_rules>, inputs: UnsafePointer<cvector_rating_inputs>,
        weightSums: UnsafeMutablePointer<Float>, weightedRatings: UnsafeMutablePointer<Float>,
        totals: UnsafeMutablePointer<UInt64>, level: VectorLevel
    ) {
        precondition(level <= .best, "\(level) is not supported by this CPU")
        precondition(hasRatingsKernel(for: rules.pointee, level: level), "no ratings kernel for these rules")
        #if arch(x86_64)
            if level == .avx512 {
                cvector_receive_ratings_avx512(count, rules, inputs, weightSums, weightedRatings, totals)
            } else {
                cvector_receive_ratings_avx2(count, rules, inputs, weightSums, weightedRatings, totals)
            }
        #endif
    }

    /// Asks the CPU to start loading `words[targets[slot]]` for the slots in `slots` into its
    /// caches, without waiting: a hint that changes no result (Swift has no prefetch of its own).
    @inlinable @inline(__always)
    public static func prefetchTieWords(
        _ words: UnsafePointer<UInt32>, targets: UnsafePointer<UInt32>, slots: Range<Int>
    ) {
        cvector_prefetch_tie_words(words, targets, slots.lowerBound, slots.upperBound)
    }
}
