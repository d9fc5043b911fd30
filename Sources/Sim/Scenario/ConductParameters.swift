/// How strongly social influence and the regime's incentives move everyday behaviour. Keys,
/// defaults and ranges: ``ScenarioKeys``.
public struct ConductParameters: Sendable, Equatable {
    /// β: weight of conformity × the share of one's ties who did the act last tick.
    public var socialInfluence: Double
    /// γ: weight of ambition × stake × detection × |points| / `pointsScale`.
    public var incentive: Double
    /// Points that count as one unit of incentive.
    public var pointsScale: Double

    public init(socialInfluence: Double = 2, incentive: Double = 3, pointsScale: Double = 50) {
        self.socialInfluence = socialInfluence
        self.incentive = incentive
        self.pointsScale = pointsScale
    }
}
