/// What changes from tick to tick outside the citizens: the tick number, legitimacy, and the
/// score each perk requires.
struct TickInputs: @unchecked Sendable {
    /// The tick being computed (t + 1).
    let next: UInt32
    /// Legitimacy L(t + 1).
    let legitimacy: Float
    /// Per perk, the minimum score (grid steps) to hold it at tick t (owned by ``RuleTables``).
    let perkMinimumSteps: UnsafeMutablePointer<Int32>

    /// Whether a citizen with `steps` holds perk `perk` at tick t.
    @inline(__always)
    func holds(perk: Int, steps: Int32) -> Bool {
        steps >= perkMinimumSteps[perk]
    }
}
