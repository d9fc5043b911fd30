import Agents
import CGSL

/// Mean, standard deviation and Student-t 95% confidence interval of a metric over a design point's replicates.
public struct ReplicateSummary: Sendable, Equatable {
    /// The number of replicates, at least 1.
    public let count: Int
    /// The arithmetic mean, in the metric's units.
    public let mean: Double
    /// Sample standard deviation (n − 1); nil for one replicate.
    public let standardDeviation: Double?
    /// mean ∓ t(0.975, n−1)·sd/√n; nil for one replicate.
    public let confidenceLow: Double?, confidenceHigh: Double?

    /// Nil for no values. Use a numerically careful mean/variance (two-pass or Welford).
    ///
    /// Welford's update keeps the mean exact and the deviation exactly 0 when all values are equal,
    /// so the interval is then [mean, mean].
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        var mean = 0.0
        var squares = 0.0  // sum of squared deviations from the running mean
        for (index, value) in values.enumerated() {
            let delta = value - mean
            mean += delta / Double(index + 1)
            squares += delta * (value - mean)
        }
        count = values.count
        self.mean = mean
        guard count > 1 else {
            standardDeviation = nil
            confidenceLow = nil
            confidenceHigh = nil
            return
        }
        let deviation = (squares / Double(count - 1)).squareRoot()
        GSLRuntime.prepare()
        let halfWidth = gsl_cdf_tdist_Pinv(0.975, Double(count - 1)) * deviation / Double(count).squareRoot()
        standardDeviation = deviation
        confidenceLow = mean - halfWidth
        confidenceHigh = mean + halfWidth
    }
}
