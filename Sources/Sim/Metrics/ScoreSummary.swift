/// Summary statistics of the score distribution, computed exactly from the score histogram.
public struct ScoreSummary: Sendable, Equatable {
    /// Mean score (points).
    public var mean: Double
    /// Population standard deviation (divides by N).
    public var sd: Double
    /// 10th, 50th and 90th percentiles, linearly interpolated between order statistics (the
    /// default of numpy and R's type 7).
    public var p10: Double
    public var p50: Double
    public var p90: Double
    /// Gini coefficient of the scores (as points, which are ≥ 0); 0 when all are 0.
    public var gini: Double

    /// Column names, without the `score_` prefix.
    public static let columnNames = ["mean", "sd", "p10", "p50", "p90", "gini"]

    /// Summarises a histogram: `counts[s]` citizens at grid step s, worth `rules.points(atSteps: s)`.
    public init(counts: UnsafeBufferPointer<UInt64>, rules: ScoreRules) {
        var n: UInt64 = 0
        var total = 0.0
        for (step, count) in counts.enumerated() where count > 0 {
            n += count
            total += Double(count) * rules.points(atSteps: Int32(step))
        }
        guard n > 0 else {
            self.init(mean: 0, sd: 0, p10: 0, p50: 0, p90: 0, gini: 0)
            return
        }
        let count = Double(n)
        let mean = total / count
        var squares = 0.0
        var giniNumerator = 0.0
        var below: UInt64 = 0
        for (step, binCount) in counts.enumerated() where binCount > 0 {
            let value = rules.points(atSteps: Int32(step))
            squares += Double(binCount) * (value - mean) * (value - mean)
            giniNumerator += value * Double(binCount) * (2 * Double(below) + Double(binCount) - count)
            below += binCount
        }
        // The order statistics each percentile interpolates between (the ranks either side of its
        // position), found in one pass over the histogram in order of rank.
        let positions = [0.1, 0.5, 0.9].map { (count - 1) * $0 }
        let ranks = positions.flatMap { h in [UInt64(h.rounded(.down)), min(UInt64(h.rounded(.down)) + 1, n - 1)] }
        let byRank = ranks.indices.sorted { ranks[$0] < ranks[$1] }
        var statistics = [Double](repeating: rules.max, count: ranks.count)
        var next = 0
        var seen: UInt64 = 0
        for (step, binCount) in counts.enumerated() where binCount > 0 {
            seen += binCount
            while next < byRank.count && ranks[byRank[next]] < seen {
                statistics[byRank[next]] = rules.points(atSteps: Int32(step))
                next += 1
            }
            if next == byRank.count { break }
        }
        func quantile(_ index: Int) -> Double {
            let h = positions[index]
            let (low, high) = (statistics[2 * index], statistics[2 * index + 1])
            return low + (h - h.rounded(.down)) * (high - low)
        }
        self.init(
            mean: mean, sd: (squares / count).squareRoot(), p10: quantile(0), p50: quantile(1),
            p90: quantile(2), gini: total > 0 ? giniNumerator / (count * total) : 0)
    }

    public init(mean: Double, sd: Double, p10: Double, p50: Double, p90: Double, gini: Double) {
        self.mean = mean
        self.sd = sd
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
        self.gini = gini
    }
}
