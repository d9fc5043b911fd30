/// What one tick looks like: one row of `timeseries.csv` (docs/MODEL.md, "Metrics").
///
/// Shares are of the whole population unless the field says otherwise; counts are citizens or
/// acts at this tick.
public struct TickMetrics: Sendable, Equatable {
    /// Tick number, 1 for the state after the first update.
    public var tick: Int
    /// Number of citizens.
    public var population: Int
    /// Legitimacy L(t).
    public var legitimacy: Double
    /// Share who expressed dissent.
    public var expressedDissent: Double
    /// Share of present citizens whose ties' dissent meets their threshold without deterrence.
    public var privateDissent: Double
    /// Private minus expressed dissent (preference falsification), ≥ 0.
    public var falsificationGap: Double
    /// Share detained (absent).
    public var detained: Double
    /// Dissent acts recorded by surveillance (true records).
    public var recordedDissent: Int
    /// Detentions begun.
    public var newDetentions: Int
    /// Score distribution.
    public var score: ScoreSummary

    /// Share of present citizens who committed no infraction.
    public var complianceRate: Double
    /// Virtuous acts per citizen.
    public var virtueActsPerCapita: Double
    /// Records of acts never committed (false records of behaviours and of dissent).
    public var wrongfulRecords: Int
    /// Listings begun, over all sanctions.
    public var newListings: Int
    /// Listings ended (expired, lifted, or their followed list ended).
    public var delistings: Int
    /// New listings the citizen's true record would not have triggered.
    public var wrongfulSanctions: Int
    /// Citizens under a flight ban.
    public var flightBans: Int
    /// Citizens under a rail ban.
    public var railBans: Int
    /// Citizens with a family tie under a school restriction.
    public var schoolRestricted: Int
    /// Mean in-degree of private dissenters over the mean in-degree of everyone else (1 when
    /// either group is empty or the others' mean is 0).
    public var dissenterInDegreeRatio: Double
    /// Citizens with in-degree 0.
    public var pariahs: Int
    /// Ties cut to stigmatized citizens (and re-pointed).
    public var tiesCut: Int
    /// Ties made under dating-boost perks.
    public var newTies: Int
    /// Mean absolute change of percentile rank since the last tick, over a fixed sample.
    public var rankVolatility: Double
    /// Share of all score points held by the top tenth of citizens.
    public var topDecileShare: Double
    /// Mean rating given, and share of ratings that were 5 stars (0 with no ratings).
    public var meanRating: Double
    public var fiveStarShare: Double
    /// Per grade (in scenario order): share of citizens in the band.
    public var gradeShares: [Double]
    /// Per sanction: citizens listed.
    public var sanctionCounts: [Int]
    /// Per perk: citizens holding it.
    public var perkCounts: [Int]
    /// Per behaviour: acts done (true acts).
    public var actCounts: [Int]
}
