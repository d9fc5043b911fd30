/// Real-time peer rating, "Nosedive" style (`[peer_rating]`).
///
/// Each tick each present citizen receives ratings 1–5 from about `ratingsPerTick` of its active
/// ties; its score moves toward the weighted mean rating received, on the score's scale.
public struct PeerRating: Sendable, Equatable {
    /// Whether ratings are given and move scores (`peer_rating.enabled`, default false).
    public var enabled: Bool
    /// Expected ratings received per citizen per tick (`peer_rating.ratings_per_tick`, default 3, ≥ 0).
    public var ratingsPerTick: Double
    /// Share per tick in [0, 1] of the gap to the mean received rating that the score closes
    /// (`peer_rating.responsiveness`, default 0.1).
    public var responsiveness: Double
    /// Stars added per unit of the ratee's score fraction above one half: inflation toward high
    /// scorers (`peer_rating.inflation`, default 2).
    public var inflation: Double
    /// Stars added when the rater's stake is full: fake-niceness (`peer_rating.fake_nice`, default 1).
    public var fakeNice: Double
    /// Stars removed for a stigmatized ratee (`peer_rating.stigma`, default 2).
    public var stigma: Double
    /// Extra weight of a rater per unit of its score fraction (`peer_rating.rater_weight`, default 2):
    /// a rater's weight is 1 + raterWeight · its score fraction.
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
