import Agents

/// Detention after recorded dissent (`[detention]`).
///
/// A detained citizen acts in no way and counts in no one's share of dissenting ties.
public struct DetentionRules: Sendable, Equatable {
    /// Probability that a recorded dissent leads to detention (`detention.probability`, default 0).
    public var probability: Double
    /// Detention length in ticks, rounded to an integer ≥ 1 (`detention.ticks`, default constant 10).
    public var ticks: Distribution

    public init(probability: Double = 0, ticks: Distribution = .constant(value: 10)) {
        self.probability = probability
        self.ticks = ticks
    }
}
