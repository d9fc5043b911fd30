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
        /// Cheaper transport (counted).
        case transportDiscount = "transport-discount"
        /// Shorter hospital waits (counted).
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

    public init(
        name: String, trigger: Trigger, effects: [Effect] = [], datingRate: Double = 0.05, meansBonus: Double = 0.2
    ) {
        self.name = name
        self.trigger = trigger
        self.effects = effects
        self.datingRate = datingRate
        self.meansBonus = meansBonus
    }

    /// At most this many perks.
    public static let maximumCount = 8
}
