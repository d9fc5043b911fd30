import Foundation
import Testing

@testable import Sim

/// Finite, adaptive policing (docs/MODEL.md, "Finite, adaptive policing"): Epstein's punctuated
/// equilibrium in `scenarios/epstein-outbursts.toml`, off by default, deterministic.
@Suite("Policing")
struct PolicingTests {
    static let library = ScenarioLibrary(
        folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios").path)

    /// The shipped scenario, with `seed`.
    static func outbursts(seed: UInt64) throws -> Scenario {
        var scenario = try ScenarioLoader(library: library).load(path: "epstein-outbursts").scenario
        scenario.seed = seed
        return scenario
    }

    /// Expressed dissent per tick.
    static func expressed(_ scenario: Scenario, threads: Int = 2) throws -> [Double] {
        try RegimeFixtures.run(scenario, threads: threads).map { $0[.expressedDissent] }
    }

    /// Onsets of outbursts by issue 15's definition: expressed dissent rises above 25% of the
    /// run's maximum after having been below 5% of it.
    static func onsets(_ series: [Double]) -> [Int] {
        let maximum = series.max() ?? 0
        var onsets: [Int] = []
        var armed = false
        for (tick, value) in series.enumerated() {
            if value < 0.05 * maximum {
                armed = true
            } else if value > 0.25 * maximum && armed {
                onsets.append(tick + 1)
                armed = false
            }
        }
        return onsets
    }

    /// The coefficient of variation (population standard deviation over mean) of the intervals
    /// between `onsets`.
    static func intervalVariation(_ onsets: [Int]) -> Double {
        let intervals = zip(onsets.dropFirst(), onsets).map { Double($0 - $1) }
        let mean = intervals.reduce(0, +) / Double(intervals.count)
        let variance = intervals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(intervals.count)
        return variance.squareRoot() / mean
    }

    /// Seeds 1-3 give 5, 7 and 5 outbursts in 1,000 ticks, at irregular intervals, with quiet
    /// between (at least a tenth of the ticks below 5% of the maximum).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func outburstsArePunctuated(seed: UInt64) throws {
        let series = try Self.expressed(Self.outbursts(seed: seed))
        let onsets = Self.onsets(series)
        #expect((3...9).contains(onsets.count), "seed \(seed): onsets \(onsets)")
        #expect(Self.intervalVariation(onsets) > 0.2, "seed \(seed): onsets \(onsets)")
        let maximum = series.max()!
        let quiet = series.filter { $0 < 0.05 * maximum }.count
        #expect(quiet >= series.count / 10, "seed \(seed): \(quiet) quiet ticks")
    }

    /// Capacity 0 is policing off: the same metrics, bit for bit, as with no policing at all.
    @Test func zeroCapacityIsNoPolicing() throws {
        var off = try Self.outbursts(seed: 1)
        off.ticks = 200
        off.regime.policing.capacity = 0
        var none = off
        none.regime.policing = Policing()
        #expect(try RegimeFixtures.run(off) == RegimeFixtures.run(none))
    }

    /// With policing on, the metrics do not depend on the number of threads.
    @Test func deterministicAcrossThreads() throws {
        var scenario = try Self.outbursts(seed: 4)
        scenario.ticks = 300
        #expect(try RegimeFixtures.run(scenario, threads: 1) == RegimeFixtures.run(scenario, threads: 2))
    }

    /// More watchers, less expressed dissent on average (same seeds).
    @Test(arguments: [1, 2] as [UInt64])
    func moreCapacityLessDissent(seed: UInt64) throws {
        var means: [Double] = []
        for capacity in [0.07, 0.08, 0.1] {
            var scenario = try Self.outbursts(seed: seed)
            scenario.regime.policing.capacity = capacity
            let series = try Self.expressed(scenario)
            means.append(series.reduce(0, +) / Double(series.count))
        }
        #expect(means[0] > means[1] && means[1] > means[2], "seed \(seed): \(means)")
    }
}
