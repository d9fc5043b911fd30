import Agents

/// A scenario's rules for one run, as each mechanism's plain values (grid steps, Float weights,
/// bit masks, pointers into the run's ``ConstantTables``), and what the mechanisms switched on
/// need from a tick, together.
///
/// Built once per run and copied into each tick's kernel; it is bitwise-copyable (no references),
/// so reading it in the hot loop costs no reference counting. The tables it points into are
/// read-only during a tick, hence `@unchecked Sendable`.
struct RunConstants: @unchecked Sendable, BitwiseCopyable {
    let seed: UInt64
    /// The Philox key of `seed`, for draws made a block at a time.
    let key: Philox4x32.Key
    /// The instruction set the vector kernels run with; outputs do not depend on it.
    let vectorLevel: VectorLevel

    let dissent: DissentMechanism.Constants
    let score: ScoreMechanism.Constants
    let conduct: ConductMechanism.Constants
    let records: RecordMechanism.Constants
    let sanctions: SanctionMechanism.Constants
    let perks: PerkMechanism.Constants
    let ratings: RatingMechanism.Constants
    let ties: TieMechanism.Constants
    let trips: TripMechanism.Constants

    /// The union of every mechanism's ``MechanismConstants/needs``.
    let needs: TickNeeds

    /// Builds every mechanism's constants for `scenario`, their tables kept by `tables`.
    init(scenario: Scenario, tables: ConstantTables, vectorLevel: VectorLevel) {
        seed = scenario.seed
        key = Philox4x32.key(seed: seed)
        self.vectorLevel = vectorLevel
        // Every mechanism is built through `part`, which adds its needs: none can be left out.
        var needs = TickNeeds()
        func part<Constants: MechanismConstants>(_ constants: Constants) -> Constants {
            needs.formUnion(constants.needs)
            return constants
        }
        dissent = part(DissentMechanism.Constants(scenario: scenario))
        score = part(ScoreMechanism.Constants(scenario: scenario))
        conduct = part(ConductMechanism.Constants(scenario: scenario, tables: tables))
        records = part(RecordMechanism.Constants(scenario: scenario, tables: tables))
        sanctions = part(SanctionMechanism.Constants(scenario: scenario, tables: tables))
        perks = part(PerkMechanism.Constants(scenario: scenario, tables: tables))
        ratings = part(RatingMechanism.Constants(scenario: scenario))
        ties = part(TieMechanism.Constants(scenario: scenario, perks: perks))
        trips = part(TripMechanism.Constants(scenario: scenario))
        self.needs = needs
    }

    /// Whether any mechanism beyond the dissent model is on (see ``KernelVariant``).
    var runsRegime: Bool { needs.contains(.regime) }
    /// Whether the gather sums more than presence and dissent, keeping the block's tie words.
    var sumsTies: Bool { needs.contains(.tieSums) }
    /// Whether the gather reads tie kinds.
    var readsKinds: Bool { needs.contains(.tieKinds) }
    /// Whether citizens mark themselves stigmatized for others to read.
    var tracksStigma: Bool { needs.contains(.stigma) }
}
