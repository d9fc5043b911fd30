/// What a citizen sees of its ties at tick t: the sums over its present, visible ties that the
/// rules of tick t+1 read. A distant tie is invisible while either end is travel-banned.
struct Neighbourhood: BitwiseCopyable {
    /// Present, visible ties.
    var active: Int32 = 0
    /// Of those, ties that expressed dissent.
    var dissenting: Int32 = 0
    /// Ties on a list.
    var listedTies: Int32 = 0
    /// Ties on a list, family ties weighing `family_weight`.
    var listedWeight: Float = 0
    /// Σ weight over ties (family ties weighing `family_weight`).
    var scoreWeight: Float = 0
    /// Σ weight · score fraction over ties.
    var weightedScoreFraction: Float = 0
    /// Ties whose score fraction exceeds the citizen's.
    var outranking: Int32 = 0
    /// Whether any tie is stigmatized.
    var stigmatized = false
    /// Whether a family tie (present or not) is under a school restriction.
    var schoolRestricted = false
}

extension Neighbourhood {
    /// What counts and sums over a citizen's visible ties show, with family ties weighing
    /// `familyWeight`: `visible` ties, of which `dissenting`, `listed` and `outranking`;
    /// `visibleFamily` and `listedFamily` of them family ties; score fractions summing to
    /// `fractionTotal`, `familyFractionTotal` of it over family ties.
    @inline(__always)
    init(
        visible: UInt32, dissenting: UInt32, listed: UInt32, outranking: UInt32, visibleFamily: UInt32,
        listedFamily: UInt32, fractionTotal: UInt64, familyFractionTotal: UInt64, stigmatized: Bool,
        schoolRestricted: Bool, familyWeight: Float
    ) {
        self.init()
        active = Int32(visible)
        self.dissenting = Int32(dissenting)
        listedTies = Int32(listed)
        self.outranking = Int32(outranking)
        self.stigmatized = stigmatized
        self.schoolRestricted = schoolRestricted
        listedWeight = Float(listed - listedFamily) + familyWeight * Float(listedFamily)
        scoreWeight = Float(visible - visibleFamily) + familyWeight * Float(visibleFamily)
        weightedScoreFraction = Float(fractionTotal - familyFractionTotal) + familyWeight * Float(familyFractionTotal)
    }
}
