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
