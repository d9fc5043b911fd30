/// How strongly social influence and the regime's incentives move everyday behaviour
/// (`[conduct]`).
public struct ConductParameters: Sendable, Equatable {
    /// β: weight of conformity × the share of one's ties who did the act last tick
    /// (`conduct.social_influence`, default 2, ≥ 0).
    public var socialInfluence: Double
    /// γ: weight of ambition × stake × detection × |points| / `pointsScale`
    /// (`conduct.incentive`, default 3, ≥ 0).
    public var incentive: Double
    /// Points that count as one unit of incentive (`conduct.points_scale`, default 50, > 0).
    public var pointsScale: Double

    public init(socialInfluence: Double = 2, incentive: Double = 3, pointsScale: Double = 50) {
        self.socialInfluence = socialInfluence
        self.incentive = incentive
        self.pointsScale = pointsScale
    }
}
