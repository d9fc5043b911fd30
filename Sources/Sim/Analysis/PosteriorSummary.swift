import Agents

/// What an accepted ABC sample says about each parameter, and which parameters it cannot tell apart.
///
/// Two parameters whose posterior correlation is near ±1 trade off against each other: the
/// targets fix a combination of them (a product, a sum), not each one, and a fit that names a
/// single value for each hides that.
public struct PosteriorSummary: Sendable, Equatable {
    /// One parameter's posterior: its mean and 5% and 95% quantiles (a 90% interval), in the
    /// parameter's own units.
    public struct Marginal: Sendable, Equatable {
        public let mean: Double
        public let low: Double
        public let high: Double
    }

    /// Two parameters (indices, `first < second`) whose posterior correlation exceeds the
    /// threshold in absolute value.
    public struct Confounded: Sendable, Equatable {
        public let first: Int
        public let second: Int
        public let correlation: Double
    }

    /// One marginal per parameter.
    public let marginals: [Marginal]
    /// Pearson correlations `[i][j]` (1 on the diagonal, each in [−1, 1]), on log values for
    /// log-scaled parameters.
    public let correlations: [[Double]]
    /// Pairs with |correlation| > the threshold, in (first, second) order.
    public let confounded: [Confounded]

    /// Summarises `samples[s][p]`, accepted sample s's value of parameter p (at least 2 samples,
    /// every row as long as `logScaled`, at least 1 parameter). A parameter searched on a log scale
    /// (`logScaled[p]`, values > 0) is correlated on its logarithm, the scale it was drawn on;
    /// marginals stay in natural units. Quantiles are type 7 (linear between order statistics, numpy's
    /// default). A parameter that does not vary has correlation 0 with the others: means are running
    /// means, exact when all values are equal, so such a parameter centres to exactly 0 and its mean
    /// equals its quantiles.
    public init(samples: [[Double]], logScaled: [Bool], threshold: Double = 0.9) {
        let count = samples.count
        let dimensions = logScaled.count
        precondition(count >= 2 && dimensions >= 1 && samples.allSatisfy { $0.count == dimensions }, "a sample")
        let columns = (0..<dimensions).map { parameter in samples.map { $0[parameter] } }
        precondition(zip(columns, logScaled).allSatisfy { !$1 || $0.allSatisfy { $0 > 0 } }, "log-scaled values > 0")
        marginals = columns.map { values in
            let sorted = values.sorted()
            func quantile(_ p: Double) -> Double {
                let h = Double(count - 1) * p
                let low = sorted[Int(h.rounded(.down))]
                let high = sorted[min(Int(h.rounded(.down)) + 1, count - 1)]
                return low + (h - h.rounded(.down)) * (high - low)
            }
            return Marginal(mean: Self.mean(values), low: quantile(0.05), high: quantile(0.95))
        }
        let scaled = zip(columns, logScaled).map { values, log in log ? values.map { PortableMath.log($0) } : values }
        let centred = scaled.map { values in
            let mean = Self.mean(values)
            return values.map { $0 - mean }
        }
        let norms = centred.map { values in values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var correlations = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: dimensions)
        var confounded: [Confounded] = []
        for i in 0..<dimensions {
            correlations[i][i] = 1
            for j in (i + 1)..<dimensions where norms[i] > 0 && norms[j] > 0 {
                let product = zip(centred[i], centred[j]).reduce(0) { $0 + $1.0 * $1.1 }
                let correlation = min(1, max(-1, product / (norms[i] * norms[j])))
                correlations[i][j] = correlation
                correlations[j][i] = correlation
                if abs(correlation) > threshold {
                    confounded.append(Confounded(first: i, second: j, correlation: correlation))
                }
            }
        }
        self.correlations = correlations
        self.confounded = confounded
    }

    /// The running (Welford) mean of `values`: exactly v when every value is v, where a sum divided
    /// by the count can miss (0.1 + 0.1 + 0.1 is not 0.3 in binary).
    private static func mean(_ values: [Double]) -> Double {
        var mean = 0.0
        for (index, value) in values.enumerated() { mean += (value - mean) / Double(index + 1) }
        return mean
    }
}
