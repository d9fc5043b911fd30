import CVector

/// Running sums over one citizen's ties' signal words, four ties at a time (one per lane),
/// branch-free: everything the regime's mechanisms read of a citizen's ties in one pass.
///
/// Counts are exact integers per lane and per tie kind, weighted by `family_weight` only once, in
/// ``neighbourhood(familyWeight:)``. Per-lane counts run in 8-bit counters (byte k of a lane
/// counts behaviour 4g + k of group g), emptied into wider ones every ``segmentLength`` ties.
struct TieSums {
    typealias Lanes = SIMD4<UInt32>

    /// Ties added before ``closeSegment()`` must empty the 8-bit counters: 255 per lane.
    static let segmentLength = 4 * 255

    /// The reader's own score fraction, in every lane.
    private let ownFraction: SIMD4<Int32>
    /// All ones in every lane when the reader is under a travel ban (its distant ties are not
    /// visible), else zero.
    private let bannedMask: Lanes
    /// Over visible ties, in 8-bit counters: byte 0 counts dissenting ties, byte 1 visible ties,
    /// byte 2 listed ties, byte 3 ties who outrank the reader.
    private var flagBytes = Lanes.zero
    /// `flagBytes` over family ties only.
    private var familyFlagBytes = Lanes.zero
    /// Σ score fraction over visible ties, and over visible family ties, in the current segment
    /// (at most 255 · 8191 per lane).
    private var fractionSum = Lanes.zero
    private var familyFractionSum = Lanes.zero
    /// OR of the words of visible ties, and of family ties (present or not).
    private var visibleWords = Lanes.zero
    private var familyWords = Lanes.zero
    private var behaviourBytes: (Lanes, Lanes, Lanes) = (.zero, .zero, .zero)
    /// `flagBytes` and `familyFlagBytes` over closed segments, summed over lanes.
    private var flagCounts = Lanes.zero
    private var familyFlagCounts = Lanes.zero
    /// `fractionSum` and `familyFractionSum` over closed segments, summed over lanes: 64 bits, as
    /// a citizen with over 2³² / 8191 ≈ 524,000 ties would overflow 32.
    private var fractionTotal: UInt64 = 0
    private var familyFractionTotal: UInt64 = 0
    /// Ties who did each behaviour, one vector per group of four, over closed segments.
    private(set) var behaviourCounts: (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) = (.zero, .zero, .zero)

    /// Empty sums for a reader whose own signal word is `ownWord`.
    @inline(__always)
    init(ownWord: UInt32) {
        ownFraction = SIMD4(repeating: Int32(ownWord >> SignalWord.scoreShift))
        bannedMask = ownWord & SignalWord.travelBanned != 0 ? Lanes(repeating: .max) : .zero
    }

    /// Adds `count` ties: tie i has signal word `words[i]` and kind `kinds[i]` (every tie social
    /// when `kinds` is nil).
    @inline(__always)
    mutating func add(words: UnsafePointer<UInt32>, kinds: UnsafePointer<UInt8>?, count: Int) {
        let socialKinds = Lanes(repeating: UInt32(TieKind.social.rawValue))
        let readsKinds = kinds != nil
        var tie = 0
        while tie < count {
            let segmentEnd = min(count, tie + Self.segmentLength)
            while segmentEnd - tie >= 4 {
                let tieKinds =
                    readsKinds
                    ? Lanes(
                        truncatingIfNeeded: UnsafeRawPointer(kinds.unsafelyUnwrapped + tie).loadUnaligned(
                            as: SIMD4<UInt8>.self))
                    : socialKinds
                add(
                    words: UnsafeRawPointer(words + tie).loadUnaligned(as: Lanes.self), kinds: tieKinds,
                    validMask: Lanes(repeating: .max))
                tie += 4
            }
            if tie < segmentEnd {
                var partialWords = Lanes.zero
                var partialKinds = socialKinds
                for lane in 0..<(segmentEnd - tie) {
                    partialWords[lane] = words[tie + lane]
                    if readsKinds { partialKinds[lane] = UInt32(kinds.unsafelyUnwrapped[tie + lane]) }
                }
                let validMask = Lanes.zero.replacing(
                    with: .max, where: Lanes(0, 1, 2, 3) .< Lanes(repeating: UInt32(segmentEnd - tie)))
                add(words: partialWords, kinds: partialKinds, validMask: validMask)
                tie = segmentEnd
            }
            closeSegment()
        }
    }

    /// Adds four ties: their `words`, tie `kinds` (``TieKind`` raw values) and `validMask` (all
    /// ones for a lane holding a tie, zero for a lane past the last one).
    @inline(__always)
    private mutating func add(words word: Lanes, kinds kind: Lanes, validMask: Lanes) {
        let familyMask = Lanes.zero.replacing(with: .max, where: kind .== UInt32(TieKind.family.rawValue)) & validMask
        let distantMask = Lanes.zero.replacing(with: .max, where: kind .== UInt32(TieKind.distant.rawValue))
        let presentMask = Self.mask(of: word, bit: SignalWord.present)
        let travelBannedMask = Self.mask(of: word, bit: SignalWord.travelBanned)
        let visibleMask = presentMask & validMask & ~(distantMask & (bannedMask | travelBannedMask))
        familyWords |= word & familyMask
        visibleWords |= word & visibleMask
        let fraction = word &>> SignalWord.scoreShift
        let outranksMask = Lanes.zero.replacing(
            with: .max, where: unsafeBitCast(fraction, to: SIMD4<Int32>.self) .> ownFraction)
        // Bits 0, 1, 2 of the word are expressed dissent, presence and listing; bit 3 becomes
        // "outranks the reader".
        let flags = Self.spread(
            (word & (SignalWord.expressedDissent | SignalWord.present | SignalWord.listed) | outranksMask & 8)
                & visibleMask)
        flagBytes &+= flags
        familyFlagBytes &+= flags & familyMask
        let visibleFraction = fraction & visibleMask
        fractionSum &+= visibleFraction
        familyFractionSum &+= visibleFraction & familyMask
        let behaviours = (word &>> SignalWord.behaviourShift) & visibleMask
        behaviourBytes.0 &+= Self.spread(behaviours & 15)
        behaviourBytes.1 &+= Self.spread((behaviours &>> 4) & 15)
        behaviourBytes.2 &+= Self.spread((behaviours &>> 8) & 15)
    }

    /// Moves the segment's counters and sums into wider ones and empties them.
    @inline(__always)
    private mutating func closeSegment() {
        flagCounts &+= Self.byteSums(flagBytes)
        familyFlagCounts &+= Self.byteSums(familyFlagBytes)
        fractionTotal &+= UInt64(fractionSum.wrappedSum())
        familyFractionTotal &+= UInt64(familyFractionSum.wrappedSum())
        behaviourCounts.0 += SIMD4<Float>(SIMD4<Int32>(truncatingIfNeeded: Self.byteSums(behaviourBytes.0)))
        behaviourCounts.1 += SIMD4<Float>(SIMD4<Int32>(truncatingIfNeeded: Self.byteSums(behaviourBytes.1)))
        behaviourCounts.2 += SIMD4<Float>(SIMD4<Int32>(truncatingIfNeeded: Self.byteSums(behaviourBytes.2)))
        flagBytes = .zero
        familyFlagBytes = .zero
        fractionSum = .zero
        familyFractionSum = .zero
        behaviourBytes = (.zero, .zero, .zero)
    }

    /// What the sums show, with family ties weighing `familyWeight`.
    @inline(__always)
    func neighbourhood(familyWeight: Float) -> Neighbourhood {
        Neighbourhood(
            visible: flagCounts[1], dissenting: flagCounts[0], listed: flagCounts[2], outranking: flagCounts[3],
            visibleFamily: familyFlagCounts[1], listedFamily: familyFlagCounts[2], fractionTotal: fractionTotal,
            familyFractionTotal: familyFractionTotal, stigmatized: Self.any(visibleWords, SignalWord.stigmatized),
            schoolRestricted: Self.any(familyWords, SignalWord.schoolRestricted), familyWeight: familyWeight)
    }

    /// All ones in the lanes whose word has `bit` set, zero elsewhere.
    @inline(__always)
    private static func mask(of words: Lanes, bit: UInt32) -> Lanes {
        Lanes.zero.replacing(with: .max, where: words & bit .!= 0)
    }

    /// Spreads four bits into the four bytes of each lane: bit k of `nibbles` becomes 1 in byte k.
    @inline(__always)
    private static func spread(_ nibbles: Lanes) -> Lanes {
        (nibbles | nibbles &<< 7 | nibbles &<< 14 | nibbles &<< 21) & 0x0101_0101
    }

    /// Byte k of every lane, summed over the lanes, as element k (each byte at most 255).
    @inline(__always)
    private static func byteSums(_ lanes: Lanes) -> Lanes {
        // Bytes 0 and 2, and bytes 1 and 3, as 16-bit halves: four lanes sum to at most 4 · 255.
        let even = (lanes & 0x00FF_00FF).wrappedSum()
        let odd = ((lanes &>> 8) & 0x00FF_00FF).wrappedSum()
        return Lanes(even & 0xFFFF, odd & 0xFFFF, even >> 16, odd >> 16)
    }

    /// Whether `bit` is set in any lane.
    @inline(__always)
    private static func any(_ lanes: Lanes, _ bit: UInt32) -> Bool {
        (lanes[0] | lanes[1] | lanes[2] | lanes[3]) & bit != 0
    }
}
