import Agents

/// First- and total-order Sobol indices of one output for one parameter, with bootstrap 95% intervals.
///
/// Indices are fractions of the output's variance (dimensionless, ideally in [0, 1] with
/// first ≤ total); estimates from finite samples can fall slightly outside.
public struct SobolIndices: Sendable, Equatable {
    /// S1, the share of variance due to the parameter alone, and its bootstrap interval.
    public let first: Double, firstLow: Double, firstHigh: Double
    /// ST, the share of variance due to the parameter with all its interactions, and its bootstrap interval.
    public let total: Double, totalLow: Double, totalHigh: Double

    /// Indices of every parameter from one output's values at the design's rows: `a[j]`, `b[j]` and `ab[i][j]`
    /// are f(A_j), f(B_j), f(AB_j^(i)). Nil when the output's variance over A and B is zero (or not finite),
    /// or when any value is not finite.
    /// S1 uses Saltelli (2010)'s estimator  V_i = (1/N) Σ_j (f(B_j) − f̄)(f(AB_j^i) − f(A_j)), with the
    /// output centred on f̄, the mean of the 2N values of f(A) and f(B): since f(AB^i) − f(A) has mean
    /// 0 this changes nothing in expectation, but it keeps an output whose mean is large against its
    /// spread (a compliance rate near 0.9) from swamping the estimate with f̄ times noise.
    /// ST uses Jansen's  VT_i = (1/2N) Σ_j (f(A_j) − f(AB_j^i))², both divided by V, the variance
    /// (population, 1/(2N)) of the 2N values of f(A) and f(B) together.
    /// Intervals: percentile (2.5 %, 97.5 %) of `resamples` bootstrap resamples of the N base points
    /// (the same resampled base points for every parameter and for V), drawn deterministically from `seed`.
    /// Resample r draws its N base points with `RandomStream(seed:entity: r, tick: 0, purpose: .bootstrap)`.
    /// A resample whose own variance is zero has no indices and is left out; with the R kept values
    /// sorted ascending, low and high are those at 0-based positions ⌊0.025·R⌋ and ⌈0.975·R⌉ − 1
    /// (for R = 1000, the 26th smallest and the 26th largest). Should no resample be kept, the
    /// interval is the estimate itself.
    public static func estimate(
        a: [Double], b: [Double], ab: [[Double]], resamples: Int = 1000, seed: UInt64
    ) -> [SobolIndices]? {
        let count = a.count
        precondition(count >= 1 && b.count == count && ab.allSatisfy { $0.count == count }, "one value per base point")
        precondition((1...Int(UInt32.max)).contains(resamples), "resamples out of range")
        guard a.allSatisfy(\.isFinite) && b.allSatisfy(\.isFinite) && ab.allSatisfy({ $0.allSatisfy(\.isFinite) }),
            let estimate = indices(a: a, b: b, ab: ab, bases: Array(0..<count))
        else { return nil }

        var firsts = [[Double]](repeating: [], count: ab.count)
        var totals = [[Double]](repeating: [], count: ab.count)
        for resample in 0..<resamples {
            var stream = RandomStream(seed: seed, entity: UInt32(resample), tick: 0, purpose: .bootstrap)
            let bases = (0..<count).map { _ in stream.nextIndex(below: count) }
            guard let drawn = indices(a: a, b: b, ab: ab, bases: bases) else { continue }
            for parameter in ab.indices {
                firsts[parameter].append(drawn.first[parameter])
                totals[parameter].append(drawn.total[parameter])
            }
        }
        return ab.indices.map { parameter in
            let first = estimate.first[parameter]
            let total = estimate.total[parameter]
            let firstInterval = percentileInterval(firsts[parameter]) ?? (first, first)
            let totalInterval = percentileInterval(totals[parameter]) ?? (total, total)
            return SobolIndices(
                first: first, firstLow: firstInterval.low, firstHigh: firstInterval.high,
                total: total, totalLow: totalInterval.low, totalHigh: totalInterval.high)
        }
    }

    /// S1 and ST of every parameter over the base points `bases` (indices into the value arrays,
    /// repeats allowed); nil when the variance V over those base points' A and B values is zero or not finite.
    private static func indices(
        a: [Double], b: [Double], ab: [[Double]], bases: [Int]
    ) -> (first: [Double], total: [Double])? {
        let count = Double(bases.count)
        let mean = bases.reduce(0.0) { $0 + a[$1] + b[$1] } / (2 * count)
        let variance =
            bases.reduce(0.0) { sum, j in
                let da = a[j] - mean
                let db = b[j] - mean
                return sum + da * da + db * db
            } / (2 * count)
        guard variance > 0 && variance.isFinite else { return nil }
        let first = ab.map { column in
            bases.reduce(0.0) { $0 + (b[$1] - mean) * (column[$1] - a[$1]) } / count / variance
        }
        let total = ab.map { column in
            bases.reduce(0.0) { sum, j in
                let d = a[j] - column[j]
                return sum + d * d
            } / (2 * count) / variance
        }
        return (first, total)
    }

    /// The 2.5 % and 97.5 % order statistics of `values` (see ``estimate(a:b:ab:resamples:seed:)``);
    /// nil for no values. Integer arithmetic keeps the positions exact.
    private static func percentileInterval(_ values: [Double]) -> (low: Double, high: Double)? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let lowPosition = sorted.count * 25 / 1000
        let highPosition = (sorted.count * 975 + 999) / 1000 - 1
        return (sorted[lowPosition], sorted[highPosition])
    }
}
