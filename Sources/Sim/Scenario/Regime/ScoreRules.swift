/// The numeric score. Keys, defaults, ranges and sources: ``ScenarioKeys``.
///
/// Scores are kept on a grid of `resolution` points, stored as integer multiples of it, so every
/// score statistic is exact and independent of summation order.
public struct ScoreRules: Sendable, Equatable {
    /// Starting score, in [min, max].
    public var initial: Double
    /// Lowest possible score.
    public var min: Double
    /// Highest possible score, the cap; above `min`.
    public var max: Double
    /// Grid step in points; at most 2^22 steps fit in the range.
    public var resolution: Double
    /// Points per tick by which a score moves back toward `initial`.
    public var recovery: Double
    /// Points added per recorded act, by act; behaviours carry their own.
    public var points: Points
    /// Guilt by association.
    public var association: Association
    /// Named bands in increasing order of `minimum`; empty for none.
    public var grades: [Grade]
    /// Stake multiplier in [0, 1] while on a time-limited list; a permanent listing leaves nothing
    /// to lose (stake 0).
    public var listedStake: Double

    /// Points per recorded act; negative values are deductions.
    public struct Points: Sendable, Equatable {
        /// Per recorded public dissent.
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
