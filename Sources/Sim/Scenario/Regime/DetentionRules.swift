import Agents

/// Detention after recorded dissent. Keys, defaults and ranges: ``ScenarioKeys``.
///
/// A detained citizen acts in no way and counts in no one's share of dissenting ties.
public struct DetentionRules: Sendable, Equatable {
    /// Probability that a recorded dissent leads to detention.
    public var probability: Double
    /// Detention length in ticks, rounded to an integer ≥ 1.
    public var ticks: Distribution

    public init(probability: Double = 0, ticks: Distribution = .constant(value: 10)) {
        self.probability = probability
        self.ticks = ticks
    }
}
