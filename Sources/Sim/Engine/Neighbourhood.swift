import CVector

/// What a citizen sees of its ties at tick t (``Neighbourhood`` is CVector's
/// `cvector_neighbourhood`, so the vector kernel writes it directly).
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
