import Foundation
import Testing

@testable import Sim

/// Posterior summaries of accepted ABC samples: marginals, correlations, and the pairs a fit cannot
/// tell apart.
@Suite struct PosteriorSummaryTests {
    @Test func marginalsAreTheMeanAndType7Quantiles() throws {
        // 1 ... 100 out of order (37 is prime to 100), so the quantiles must sort.
        let values = (0..<100).map { Double(37 * $0 % 100 + 1) }
        let summary = PosteriorSummary(samples: values.map { [$0] }, logScaled: [false])
        let marginal = try #require(summary.marginals.first)
        #expect(summary.marginals.count == 1)
        #expect(abs(marginal.mean - 50.5) < 1e-12)
        #expect(abs(marginal.low - 5.95) < 1e-12 && abs(marginal.high - 95.05) < 1e-12)
        #expect(summary.correlations == [[1]] && summary.confounded.isEmpty)
    }

    @Test func correlationsAreOnTheLogScaleAndMarginalsOnTheNaturalOne() {
        let samples: [[Double]] = [[1, 1], [10, 2], [100, 3], [1000, 4]]
        let logged = PosteriorSummary(samples: samples, logScaled: [true, false])
        #expect(abs(logged.correlations[0][1] - 1) < 1e-12 && logged.confounded.count == 1)
        #expect(abs(logged.marginals[0].mean - 277.75) < 1e-12)
        // On the natural scale the same values correlate at 0.824, under the threshold.
        let natural = PosteriorSummary(samples: samples, logScaled: [false, false])
        #expect(abs(natural.correlations[0][1] - 0.8241407) < 1e-6 && natural.confounded.isEmpty)
    }

    /// ABC rejection on `model` with log-uniform a, b, c on [0.1, 10] (`draws` Sobol points): the
    /// draws whose outputs are all within `tolerance` (relative) of `targets`.
    static func accepted(
        targets: [Double], draws: Int = 4096, tolerance: Double = 0.05, model: ([Double]) -> [Double]
    ) -> [[Double]] {
        SobolSequence.points(count: draws, dimensions: 3).map { unit in
            unit.map { Foundation.exp(Foundation.log(0.1) + $0 * (Foundation.log(10) - Foundation.log(0.1))) }
        }
        .filter { draw in zip(model(draw), targets).allSatisfy { abs($0 - $1) <= tolerance * $1 } }
    }

    @Test func twoParametersThatEnterOnlyAsAProductAreNamed() throws {
        // f(a, b, c) = a · b: the target fixes the product, not a or b, and c does not enter at all.
        let sample = Self.accepted(targets: [2]) { [$0[0] * $0[1]] }
        #expect(sample.count > 30)
        let summary = PosteriorSummary(samples: sample, logScaled: [true, true, true])
        let pair = try #require(summary.confounded.first)
        #expect(summary.confounded.count == 1 && pair.first == 0 && pair.second == 1)
        #expect(pair.correlation < -0.9)
        #expect(abs(summary.correlations[0][2]) < 0.5 && abs(summary.correlations[1][2]) < 0.5)
        // Each marginal alone spans most of the prior: the sample pins the product only.
        #expect(summary.marginals[0].low < 0.5 && summary.marginals[0].high > 5)
    }

    @Test func parametersFittedSeparatelyAreNotConfounded() {
        // f(a, b, c) = (a, b): each parameter has its own target.
        let sample = Self.accepted(targets: [2, 0.5], draws: 32768, tolerance: 0.1) { [$0[0], $0[1]] }
        #expect(sample.count > 30)
        let summary = PosteriorSummary(samples: sample, logScaled: [true, true, true])
        #expect(summary.confounded.isEmpty, "\(summary.correlations)")
        #expect(abs(summary.marginals[0].mean - 2) < 0.2 && abs(summary.marginals[1].mean - 0.5) < 0.05)
    }

    @Test func aParameterThatDoesNotVaryIsCorrelatedWithNothing() {
        let summary = PosteriorSummary(samples: [[1, 3], [2, 3]], logScaled: [false, false])
        #expect(summary.correlations == [[1, 0], [0, 1]] && summary.confounded.isEmpty)
        #expect(summary.marginals[1] == .init(mean: 3, low: 3, high: 3))
        let linked = PosteriorSummary(samples: [[1, 2], [2, 4], [3, 7]], logScaled: [false, false])
        #expect(linked.confounded.count == 1 && linked.confounded[0].correlation > 0.9)
    }

    @Test func twoParametersHeldFixedAreNotConfounded() {
        // 0.1 + 0.1 + 0.1 is not 0.3 in binary: a summed mean would leave both fixed columns the
        // same rounding residue, perfectly correlated with each other.
        let samples: [[Double]] = [[0.1, 0.1, 1], [0.1, 0.1, 2], [0.1, 0.1, 3]]
        for logScaled in [[false, false, false], [true, true, false]] {
            let summary = PosteriorSummary(samples: samples, logScaled: logScaled)
            #expect(summary.correlations == [[1, 0, 0], [0, 1, 0], [0, 0, 1]] && summary.confounded.isEmpty)
            #expect(summary.marginals[0] == .init(mean: 0.1, low: 0.1, high: 0.1))
        }
    }
}
