/// Who sees scores, and what seeing them does to ties. Keys, defaults and ranges: ``ScenarioKeys``.
public struct Visibility: Sendable, Equatable {
    /// Whether scores are public.
    public var publicScores: Bool
    /// Base probability per tick of cutting a tie to a stigmatized citizen; the probability is
    /// `cutRate · (conformity + ambition) / 2`.
    public var cutRate: Double
    /// Whether family ties may be cut too.
    public var cutFamily: Bool
    /// A citizen is stigmatized when listed, when its dissent has been recorded, or when its score
    /// is below this value; nil: no score threshold.
    public var stigmaBelow: Double?

    public init(publicScores: Bool = false, cutRate: Double = 0.2, cutFamily: Bool = false, stigmaBelow: Double? = nil)
    {
        self.publicScores = publicScores
        self.cutRate = cutRate
        self.cutFamily = cutFamily
        self.stigmaBelow = stigmaBelow
    }
}
