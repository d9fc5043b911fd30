/// One citizen's tick t+1 as the mechanisms decide it, in the kernel's order: its score and true
/// score in grid steps, the lists it was on at t, and what it did and suffered.
///
/// A value on the kernel's stack, passed from mechanism to mechanism; nothing in it outlives the
/// citizen's step.
struct CitizenTick {
    let citizen: Int
    /// Score and true score at t (grid steps above `score.min`).
    let previousSteps: Int32
    let previousTrueSteps: Int32
    /// Score and true score of t+1 so far: after recovery, then each mechanism's change.
    var steps: Int32
    var trueSteps: Int32
    /// The lists the citizen is on at t, one bit per sanction.
    let listedMask: UInt8
    /// The signal word of t+1 so far (the score fraction is added last).
    var word = SignalWord.present
    /// What surveillance recorded of the citizen this tick.
    var records = Records()
    /// Whether the citizen committed an infraction.
    var infraction = false

    /// What surveillance recorded of a citizen in one tick: what lists read.
    struct Records {
        /// Behaviours with a record (true or false), and those recorded only falsely.
        var behaviours: UInt32 = 0
        var falseBehaviours: UInt32 = 0
        var dissent = false
        var falseDissent = false
    }

    @inline(__always)
    init(
        citizen: Int, previousSteps: Int32, previousTrueSteps: Int32, steps: Int32, trueSteps: Int32,
        listedMask: UInt8
    ) {
        self.citizen = citizen
        self.previousSteps = previousSteps
        self.previousTrueSteps = previousTrueSteps
        self.steps = steps
        self.trueSteps = trueSteps
        self.listedMask = listedMask
    }
}
