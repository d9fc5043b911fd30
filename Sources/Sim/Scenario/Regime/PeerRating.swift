/// Real-time peer rating, "Nosedive" style. Keys, defaults and ranges: ``ScenarioKeys``.
///
/// Each tick each present citizen receives ratings 1–5 from about `ratingsPerTick` of its active
/// ties; its score moves toward the weighted mean rating received, on the score's scale.
public struct PeerRating: Sendable, Equatable {
    /// Whether ratings are given and move scores.
    public var enabled: Bool
    /// Expected ratings received per citizen per tick.
    public var ratingsPerTick: Double
    /// Share per tick in [0, 1] of the gap to the mean received rating that the score closes.
    public var responsiveness: Double
    /// Stars added per unit of the ratee's score fraction above one half: inflation toward high
    /// scorers.
    public var inflation: Double
    /// Stars added when the rater's stake is full: fake-niceness.
    public var fakeNice: Double
    /// Stars removed for a stigmatized ratee.
    public var stigma: Double
    /// Extra weight of a rater per unit of its score fraction: a rater's weight is
    /// 1 + raterWeight · its score fraction.
    public var raterWeight: Double

    public init(
        enabled: Bool = false, ratingsPerTick: Double = 3, responsiveness: Double = 0.1, inflation: Double = 2,
        fakeNice: Double = 1, stigma: Double = 2, raterWeight: Double = 2
    ) {
        self.enabled = enabled
        self.ratingsPerTick = ratingsPerTick
        self.responsiveness = responsiveness
        self.inflation = inflation
        self.fakeNice = fakeNice
        self.stigma = stigma
        self.raterWeight = raterWeight
    }
}
