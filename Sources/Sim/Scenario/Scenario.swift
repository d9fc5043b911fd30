import Agents

/// A fully resolved scenario: every parameter of one run except the thread count.
///
/// Built by ``ScenarioLoader`` from a TOML file (with `extends` and `--set` applied and defaults
/// filled in). The keys that set each field, with their defaults, ranges and sources, are declared
/// once in ``ScenarioKeys``; docs/MODEL.md gives the rules they feed.
public struct Scenario: Sendable, Equatable {
    /// Short name, used in output folder names and manifests.
    public var name: String
    /// One-line description.
    public var description: String
    /// Seed of every random stream.
    public var seed: UInt64
    /// Number of ticks to simulate.
    public var ticks: Int
    /// Real population the simulated one stands for; when set, every count in the outputs also
    /// appears scaled to it. Nil: no scaled columns.
    public var represents: Int?
    /// Who the citizens are.
    public var population: PopulationSpec
    /// Who is tied to whom.
    public var graph: GraphSpec
    /// Regime legitimacy over time.
    public var legitimacy: LegitimacySchedule
    /// How citizens weigh the risk of dissent.
    public var dissent: DissentParameters
    /// Everyday behaviours, at most ``Behaviour/maximumCount``.
    public var behaviours: [Behaviour]
    /// Weights of social influence and incentives on behaviours.
    public var conduct: ConductParameters
    /// How often citizens fly and take high-speed rail (simulated only when ``Regime/readsTrips``).
    public var trips: Trips
    /// What the regime watches, scores, punishes and rewards.
    public var regime: Regime

    public init(
        name: String, description: String = "", seed: UInt64 = 1, ticks: Int = 100, represents: Int? = nil,
        population: PopulationSpec = PopulationSpec(), graph: GraphSpec = GraphSpec(),
        legitimacy: LegitimacySchedule = LegitimacySchedule(), dissent: DissentParameters = DissentParameters(),
        behaviours: [Behaviour] = Behaviour.defaults, conduct: ConductParameters = ConductParameters(),
        trips: Trips = Trips(), regime: Regime = Regime()
    ) {
        self.name = name
        self.description = description
        self.seed = seed
        self.ticks = ticks
        self.represents = represents
        self.population = population
        self.graph = graph
        self.legitimacy = legitimacy
        self.dissent = dissent
        self.behaviours = behaviours
        self.conduct = conduct
        self.trips = trips
        self.regime = regime
    }
}
