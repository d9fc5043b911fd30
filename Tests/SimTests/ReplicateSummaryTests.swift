import Testing

@testable import Sim

/// Mean, sample standard deviation and Student-t interval over replicates.
@Suite struct ReplicateSummaryTests {
    @Test func fourValues() throws {
        let summary = try #require(ReplicateSummary([1, 2, 3, 4]))
        let deviation = try #require(summary.standardDeviation)
        let low = try #require(summary.confidenceLow)
        let high = try #require(summary.confidenceHigh)
        let halfWidth: Double = 3.1824463 * 1.2909944 / 2  // t(0.975, 3) · sd / √4
        #expect(summary.count == 4)
        #expect(summary.mean == 2.5)
        #expect(abs(deviation - 1.2909944) < 1e-6)
        #expect(abs(low - (2.5 - halfWidth)) < 1e-6)
        #expect(abs(high - (2.5 + halfWidth)) < 1e-6)
    }

    @Test func largeOffsetDoesNotCancelTheDeviation() throws {
        let summary = try #require(ReplicateSummary([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]))
        #expect(summary.mean == 1e9 + 2.5)
        #expect(abs(try #require(summary.standardDeviation) - 1.2909944) < 1e-6)
    }

    @Test func oneValueHasNoDeviationOrInterval() throws {
        let summary = try #require(ReplicateSummary([0.7]))
        #expect(summary.count == 1 && summary.mean == 0.7)
        #expect(summary.standardDeviation == nil)
        #expect(summary.confidenceLow == nil && summary.confidenceHigh == nil)
    }

    @Test func equalValuesHaveZeroDeviationAndAPointInterval() throws {
        // 0.1 + 0.1 + 0.1 is not 0.3 in binary: a naive sum would put the mean off 0.1.
        let summary = try #require(ReplicateSummary([0.1, 0.1, 0.1]))
        #expect(summary.mean == 0.1)
        #expect(summary.standardDeviation == 0)
        #expect(summary.confidenceLow == 0.1 && summary.confidenceHigh == 0.1)
    }

    @Test func noValuesHaveNoSummary() {
        #expect(ReplicateSummary([]) == nil)
    }
}
