/// What changes from tick to tick outside the citizens (besides each perk's minimum score, which
/// ``PerkMechanism`` keeps): the tick being computed and legitimacy.
struct TickInputs: Sendable {
    /// The tick being computed (t + 1).
    let next: UInt32
    /// Legitimacy L(t + 1).
    let legitimacy: Float
}
