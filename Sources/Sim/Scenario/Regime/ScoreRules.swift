/// The numeric score (`[score]`).
///
/// Scores are kept on a grid of `resolution` points, stored as integer multiples of it, so every
/// score statistic is exact and independent of summation order.
public struct ScoreRules: Sendable, Equatable {
    /// Starting score (`score.initial`, default 1000, within [min, max]).
    public var initial: Double
    /// Lowest possible score (`score.min`, default 0, ≥ 0).
    public var min: Double
    /// Highest possible score, the cap (`score.max`, default 1000, > min).
    public var max: Double
    /// Grid step in points (`score.resolution`, default 0.01, > 0, at most 2^22 steps in the range).
    public var resolution: Double
    /// Points per tick by which a score moves back toward `initial` (`score.recovery`, default 0:
    /// "once untrustworthy, always restricted").
    public var recovery: Double
    /// Points added per recorded act, by act (`[score.points]`); behaviours carry their own.
    public var points: Points
    /// Guilt by association (`[score.association]`).
    public var association: Association
    /// Named bands in increasing order of `minimum` (`[[score.grades]]`); empty for none.
    public var grades: [Grade]
    /// Stake multiplier in [0, 1] while on a time-limited list (`score.listed_stake`, default 0.5);
    /// a permanent listing leaves nothing to lose (stake 0).
    public var listedStake: Double

    /// Points per recorded act (`[score.points]`); negative values are deductions.
    public struct Points: Sendable, Equatable {
        /// Per recorded public dissent (`score.points.dissent`, default -50).
        public var dissent: Double
        public init(dissent: Double = -50) {
            self.dissent = dissent
        }
    }

    public init(
        initial: Double = 1000, min: Double = 0, max: Double = 1000, resolution: Double = 0.01,
        recovery: Double = 0, points: Points = Points(), association: Association = Association(),
        grades: [Grade] = [], listedStake: Double = 0.5
    ) {
        self.initial = initial
        self.min = min
        self.max = max
        self.resolution = resolution
        self.recovery = recovery
        self.points = points
        self.association = association
        self.grades = grades
        self.listedStake = listedStake
    }

    /// Number of grid steps between `min` and `max`.
    public var stepCount: Int { Int(((max - min) / resolution).rounded()) }

    /// The grid index (steps above `min`) nearest to `points`, clamped into the range.
    public func steps(_ points: Double) -> Int32 {
        Int32(Swift.max(0, Swift.min(Double(stepCount), ((points - min) / resolution).rounded())))
    }

    /// The grid index nearest to `points`, not clamped: a threshold above the range stays above
    /// every score.
    public func thresholdSteps(_ points: Double) -> Int32 {
        Int32(clamping: Int(((points - min) / resolution).rounded()))
    }

    /// A signed change of `points` expressed in grid steps.
    public func stepDelta(_ points: Double) -> Int32 {
        Int32((points / resolution).rounded())
    }

    /// The score in points at grid index `steps`.
    public func points(atSteps steps: Int32) -> Double {
        min + Double(steps) * resolution
    }
}
