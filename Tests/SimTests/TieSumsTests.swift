import Agents
import Testing

@testable import Sim

/// The kernel's four-ties-at-a-time sums against a plain loop over the same ties, one tie at a time.
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
        let seen = sums.neighbourhood(familyWeight: familyWeight)
        let expected = reference.neighbourhood
        #expect(seen.active == expected.active)
        #expect(seen.dissenting == expected.dissenting)
        #expect(seen.listedTies == expected.listedTies)
        #expect(seen.outranking == expected.outranking)
        #expect(seen.listedWeight == expected.listedWeight)
        #expect(seen.scoreWeight == expected.scoreWeight)
        #expect(seen.weightedScoreFraction == expected.weightedScoreFraction)
        #expect(seen.stigmatized == expected.stigmatized)
        #expect(seen.schoolRestricted == expected.schoolRestricted)
        let counts = sums.behaviourCounts
        #expect(
            [counts.0, counts.1, counts.2].flatMap { [$0[0], $0[1], $0[2], $0[3]] } == reference.behaviourCounts)
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
