import Agents
import CVector
import Testing

@testable import Sim

/// The kernel's sums, four ties at a time (portable), 8 (AVX2) and 16 (AVX-512) at a time, against
/// a plain loop over the same ties, one tie at a time.
@Suite struct TieSumsTests {
    /// What a plain loop counts over `words` and `kinds` for a reader whose own word is `ownWord`.
    struct Reference {
        var neighbourhood = Neighbourhood()
        var behaviourCounts = [Float](repeating: 0, count: 12)

        init(ownWord: UInt32, words: [UInt32], kinds: [TieKind], familyWeight: Float) {
            let readerBanned = ownWord & SignalWord.travelBanned != 0
            let ownFraction = ownWord >> SignalWord.scoreShift
            var active: UInt32 = 0
            var dissenting: UInt32 = 0
            var listed: UInt32 = 0
            var listedFamily: UInt32 = 0
            var visibleFamily: UInt32 = 0
            var outranking: UInt32 = 0
            var fractions: UInt64 = 0
            var familyFractions: UInt64 = 0
            for (word, kind) in zip(words, kinds) {
                let family = kind == .family
                if family && word & SignalWord.schoolRestricted != 0 { neighbourhood.schoolRestricted = true }
                let blocked = kind == .distant && (readerBanned || word & SignalWord.travelBanned != 0)
                guard word & SignalWord.present != 0 && !blocked else { continue }
                active += 1
                if family { visibleFamily += 1 }
                if word & SignalWord.expressedDissent != 0 { dissenting += 1 }
                if word & SignalWord.listed != 0 {
                    listed += 1
                    if family { listedFamily += 1 }
                }
                if word & SignalWord.stigmatized != 0 { neighbourhood.stigmatized = true }
                let fraction = word >> SignalWord.scoreShift
                if fraction > ownFraction { outranking += 1 }
                fractions += UInt64(fraction)
                if family { familyFractions += UInt64(fraction) }
                for behaviour in 0..<12 where word & (1 << (SignalWord.behaviourShift + UInt32(behaviour))) != 0 {
                    behaviourCounts[behaviour] += 1
                }
            }
            neighbourhood.active = Int32(active)
            neighbourhood.dissenting = Int32(dissenting)
            neighbourhood.listedTies = Int32(listed)
            neighbourhood.outranking = Int32(outranking)
            neighbourhood.listedWeight = Float(listed - listedFamily) + familyWeight * Float(listedFamily)
            neighbourhood.scoreWeight = Float(active - visibleFamily) + familyWeight * Float(visibleFamily)
            neighbourhood.weightedScoreFraction =
                Float(fractions - familyFractions) + familyWeight * Float(familyFractions)
        }
    }

    /// `count` random words (each bit set half the time) and kinds, and a random reader's word.
    static func ties(_ count: Int, seed: UInt64) -> (ownWord: UInt32, words: [UInt32], kinds: [TieKind]) {
        var stream = RandomStream(seed: seed, entity: UInt32(count), tick: 0, purpose: .conduct)
        let words = (0..<count).map { _ in stream.nextUInt32() }
        let kinds = (0..<count).map { _ in TieKind.allCases[stream.nextIndex(below: TieKind.allCases.count)] }
        return (stream.nextUInt32(), words, kinds)
    }

    /// `TieSums` over `words` and `kinds` (nil: the kernel reads no kinds).
    static func sums(ownWord: UInt32, words: [UInt32], kinds: [TieKind]?) -> TieSums {
        var sums = TieSums(ownWord: ownWord)
        // One element more than the ties, so even no ties have a buffer to point at.
        let paddedWords = words + [0]
        let paddedKinds = (kinds ?? []).map(\.rawValue) + [0]
        paddedWords.withUnsafeBufferPointer { wordBuffer in
            paddedKinds.withUnsafeBufferPointer { kindBuffer in
                sums.add(
                    words: wordBuffer.baseAddress!, kinds: kinds == nil ? nil : kindBuffer.baseAddress!,
                    count: words.count)
            }
        }
        return sums
    }

    static func expectEqual(_ sums: TieSums, _ reference: Reference, familyWeight: Float) {
        expectEqual(sums.neighbourhood(familyWeight: familyWeight), reference.neighbourhood)
        let counts = sums.behaviourCounts
        #expect(
            [counts.0, counts.1, counts.2].flatMap { [$0[0], $0[1], $0[2], $0[3]] } == reference.behaviourCounts)
    }

    static func expectEqual(_ seen: Neighbourhood, _ expected: Neighbourhood) {
        #expect(seen.active == expected.active)
        #expect(seen.dissenting == expected.dissenting)
        #expect(seen.listedTies == expected.listedTies)
        #expect(seen.outranking == expected.outranking)
        #expect(seen.listedWeight == expected.listedWeight)
        #expect(seen.scoreWeight == expected.scoreWeight)
        #expect(seen.weightedScoreFraction == expected.weightedScoreFraction)
        #expect(seen.stigmatized == expected.stigmatized)
        #expect(seen.schoolRestricted == expected.schoolRestricted)
    }

    /// Tie counts around the four-tie steps and the 1,020-tie segments of the 8-bit counters: with
    /// each bit set half the time, 2,600 ties put about 325 into a counter without segments.
    @Test(
        "four ties at a time, tails and segments included, count exactly what a plain loop counts",
        arguments: [0, 1, 3, 4, 5, 17, 1_019, 1_020, 1_021, 2_600])
    func matchesPlainLoop(count: Int) {
        let (ownWord, words, kinds) = Self.ties(count, seed: 7)
        for familyWeight: Float in [1, 2.5] {
            let reference = Reference(ownWord: ownWord, words: words, kinds: kinds, familyWeight: familyWeight)
            Self.expectEqual(
                Self.sums(ownWord: ownWord, words: words, kinds: kinds), reference, familyWeight: familyWeight)
        }
    }

    #if arch(x86_64)
        /// The levels with block sums that this CPU supports.
        static let blockLevels = [VectorLevel.avx2, .avx512].filter { $0 <= .best }

        /// What the block sums at `level` show for citizens whose ties are `ties[i]` (own word, tie
        /// words and kinds) and who are detained where `detained[i]`, the kernel reading kinds when
        /// `readsKinds`, and their behaviour counts (12 per citizen).
        static func blockSums(
            _ ties: [(ownWord: UInt32, words: [UInt32], kinds: [TieKind])], detained: [Bool], readsKinds: Bool,
            familyWeight: Float, level: VectorLevel
        ) -> [(Neighbourhood, [Float])] {
            let count = ties.count
            // Slots numbered from 5, as a block's first citizen's ties rarely start at slot 0.
            let offsets = ties.reduce(into: [Int64(5)]) { $0.append($0.last! + Int64($1.words.count)) }
            // One element more than the ties, so even no ties have a buffer to point at.
            let words = ties.flatMap(\.words) + [0]
            let kinds: [UInt8] = ties.flatMap { $0.kinds.map(\.rawValue) } + [0]
            let ownWords = ties.map(\.ownWord)
            let detentionLeft = detained.map { UInt16($0 ? 3 : 0) }
            var seen = [Neighbourhood](repeating: Neighbourhood(), count: count)
            var counts = [SIMD4<Float>](repeating: SIMD4(repeating: -1), count: 3 * count)
            offsets.withUnsafeBufferPointer { offsets in
                words.withUnsafeBufferPointer { words in
                    kinds.withUnsafeBufferPointer { kinds in
                        ownWords.withUnsafeBufferPointer { ownWords in
                            detentionLeft.withUnsafeBufferPointer { detentionLeft in
                                var block = cvector_tie_block(
                                    offsets: offsets.baseAddress, words: words.baseAddress,
                                    kinds: readsKinds ? kinds.baseAddress : nil, own_words: ownWords.baseAddress,
                                    detained: detentionLeft.baseAddress)
                                counts.withUnsafeMutableBytes { counts in
                                    let summed = VectorKernels.sumBlockTies(
                                        &block, count: count, groups: 3, familyWeight: familyWeight, seen: &seen,
                                        behaviourCounts: counts.baseAddress!.assumingMemoryBound(to: Float.self),
                                        stride: count, level: level)
                                    #expect(summed, "level \(level) has block tie sums")
                                }
                            }
                        }
                    }
                }
            }
            return (0..<count).map { i in
                (seen[i], (0..<3).flatMap { g in (0..<4).map { counts[g * count + i][$0] } })
            }
        }

        /// One citizen's block sums at `level`.
        static func blockSums(
            ownWord: UInt32, words: [UInt32], kinds: [TieKind]?, familyWeight: Float, level: VectorLevel
        ) -> (Neighbourhood, [Float]) {
            blockSums(
                [(ownWord, words, kinds ?? [])], detained: [false], readsKinds: kinds != nil,
                familyWeight: familyWeight, level: level)[0]
        }

        /// Tie counts around the 8- and 16-tie vectors and the 248-tie (AVX2) and 4,080-tie
        /// (AVX-512) segments of the 8-bit counters, with and without kinds, free and banned readers.
        @Test(
            "8 ties at a time with AVX2 and 16 with AVX-512 count exactly what a plain loop counts",
            arguments: blockLevels,
            [0, 1, 7, 8, 9, 15, 16, 17, 33, 247, 248, 249, 497, 1_021, 4_079, 4_080, 4_081, 9_000])
        func blockMatchesPlainLoop(level: VectorLevel, count: Int) {
            let (ownWord, words, kinds) = Self.ties(count, seed: 13)
            for reader in [ownWord & ~SignalWord.travelBanned, ownWord | SignalWord.travelBanned] {
                for tieKinds in [kinds, nil] {
                    let reference = Reference(
                        ownWord: reader, words: words, kinds: tieKinds ?? Array(repeating: .social, count: count),
                        familyWeight: 2.5)
                    let (seen, counts) = Self.blockSums(
                        ownWord: reader, words: words, kinds: tieKinds, familyWeight: 2.5, level: level)
                    Self.expectEqual(seen, reference.neighbourhood)
                    #expect(counts == reference.behaviourCounts)
                }
            }
        }

        /// A block whose citizens have 0 to 40 ties, every fifth detained.
        @Test(
            "a block at once: each citizen's sums are its own; the detained see and count nothing",
            arguments: blockLevels)
        func wholeBlock(level: VectorLevel) {
            let ties = (0..<37).map { Self.ties($0 * 13 % 41, seed: UInt64($0)) }
            let detained = (0..<37).map { $0 % 5 == 3 }
            let sums = Self.blockSums(ties, detained: detained, readsKinds: true, familyWeight: 2.5, level: level)
            for (i, (seen, counts)) in sums.enumerated() {
                guard !detained[i] else {
                    Self.expectEqual(seen, Neighbourhood())
                    #expect(counts == [Float](repeating: 0, count: 12))
                    continue
                }
                let reference = Reference(
                    ownWord: ties[i].ownWord, words: ties[i].words, kinds: ties[i].kinds, familyWeight: 2.5)
                Self.expectEqual(seen, reference.neighbourhood)
                #expect(counts == reference.behaviourCounts)
            }
        }

        /// 600,000 ties make 148 segments of 255 AVX-512 vectors, or 2,420 of 31 AVX2 vectors.
        @Test("block sums: a hub's score fractions sum past 2³² without wrapping", arguments: blockLevels)
        func blockHubFractionSum(level: VectorLevel) {
            let count = 600_000
            let top = SignalWord.present | SignalWord.scoreFractionMax << SignalWord.scoreShift
            let (seen, _) = Self.blockSums(
                ownWord: top, words: [UInt32](repeating: top, count: count), kinds: nil, familyWeight: 2,
                level: level)
            #expect(seen.active == Int32(count))
            #expect(seen.weightedScoreFraction == Float(UInt64(count) * UInt64(SignalWord.scoreFractionMax)))
        }
    #endif

    @Test("without tie kinds every tie is social; a banned reader does not see its distant ties")
    func kindsAndBans() {
        let (ownWord, words, kinds) = Self.ties(203, seed: 11)
        let allSocial = [TieKind](repeating: .social, count: words.count)
        Self.expectEqual(
            Self.sums(ownWord: ownWord, words: words, kinds: nil),
            Reference(ownWord: ownWord, words: words, kinds: allSocial, familyWeight: 2), familyWeight: 2)
        let banned = ownWord | SignalWord.travelBanned
        let free = ownWord & ~SignalWord.travelBanned
        let bannedSums = Self.sums(ownWord: banned, words: words, kinds: kinds)
        Self.expectEqual(
            bannedSums, Reference(ownWord: banned, words: words, kinds: kinds, familyWeight: 2), familyWeight: 2)
        let freeActive = Self.sums(ownWord: free, words: words, kinds: kinds).neighbourhood(familyWeight: 2).active
        #expect(bannedSums.neighbourhood(familyWeight: 2).active < freeActive)
    }

    /// 600,000 ties at the top score fraction sum to 600,000 · 8191 ≈ 4.9 · 10⁹, beyond 32 bits.
    @Test("a hub's score fractions sum past 2³² without wrapping")
    func hubFractionSum() {
        let count = 600_000
        let top = SignalWord.present | SignalWord.scoreFractionMax << SignalWord.scoreShift
        let seen = Self.sums(ownWord: top, words: [UInt32](repeating: top, count: count), kinds: nil)
            .neighbourhood(familyWeight: 2)
        #expect(seen.active == Int32(count))
        #expect(seen.scoreWeight == Float(count))
        #expect(seen.weightedScoreFraction == Float(UInt64(count) * UInt64(SignalWord.scoreFractionMax)))
    }
}
