/// A perk for high scorers, held while its condition holds. Keys and ranges: ``ScenarioKeys``.
public struct Perk: Sendable, Equatable {
    /// Who gets it.
    public enum Trigger: Sendable, Equatable {
        /// Score at least a value.
        case scoreAbove(Double)
        /// The top share q in (0, 1] of scores at the previous tick; makes ambition positional.
        case topShare(Double)
    }

    /// What it gives.
    public enum Effect: String, Sendable, CaseIterable, Codable {
        /// Fares cut by `transportDiscount`: trip rates × (1 + price elasticity × discount).
        case transportDiscount = "transport-discount"
        /// Shorter hospital waits: hardship × (1 − `hardshipRelief`) in grievance.
        case hospitalPriority = "hospital-priority"
        /// New ties: each tick, with probability `datingRate`, one social tie is replaced by a tie
        /// to a random citizen who is not stigmatized.
        case datingBoost = "dating-boost"
        /// Means multiplied by 1 + `meansBonus`.
        case meansBonus = "means-bonus"
    }

    /// Perk name, also a column name suffix.
    public var name: String
    /// Who holds it.
    public var trigger: Trigger
    /// Effects.
    public var effects: [Effect]
    /// Probability per tick of a new tie under `dating-boost`.
    public var datingRate: Double
    /// Means bonus under `means-bonus`: means × (1 + meansBonus).
    public var meansBonus: Double
    /// Share of fares cut under `transport-discount`, in [0, 1].
    public var transportDiscount: Double
    /// Share of hardship relieved under `hospital-priority`, in [0, 1].
    public var hardshipRelief: Double

    public init(
        name: String, trigger: Trigger, effects: [Effect] = [], datingRate: Double = 0.05, meansBonus: Double = 0.2,
        transportDiscount: Double = 0.1, hardshipRelief: Double = 0.1
    ) {
        self.name = name
        self.trigger = trigger
        self.effects = effects
        self.datingRate = datingRate
        self.meansBonus = meansBonus
        self.transportDiscount = transportDiscount
        self.hardshipRelief = hardshipRelief
    }

    /// At most this many perks.
    public static let maximumCount = 8
}
