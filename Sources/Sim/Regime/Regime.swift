/// What the regime watches, how it scores, and how it punishes.
///
/// Each mechanism is its own value so later mechanisms (behaviours, sanctions, perks, peer rating)
/// are added beside these without changing them.
public struct Regime: Sendable, Equatable {
    /// Recording probabilities per channel (`[surveillance]`).
    public var surveillance: Surveillance
    /// The score: range, points, recovery (`[score]`).
    public var score: ScoreRules
    /// Detention after recorded dissent (`[detention]`).
    public var detention: DetentionRules

    public init(
        surveillance: Surveillance = Surveillance(), score: ScoreRules = ScoreRules(),
        detention: DetentionRules = DetentionRules()
    ) {
        self.surveillance = surveillance
        self.score = score
        self.detention = detention
    }
}
