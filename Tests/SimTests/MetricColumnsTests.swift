import Foundation
import Testing

@testable import Sim

/// The metric columns (`MetricColumns`) are well formed, every count is reported, and docs/MODEL.md
/// lists exactly them.
@Suite struct MetricColumnsTests {
    static let start =
        "<!-- Generated from the metric columns (Sources/Sim/Metrics/MetricColumns.swift): edit them there, then "
        + "run UPDATE_DOCS=1 bash scripts/test.sh to rewrite this section. -->\n"
    static let end = "<!-- End of the generated metrics. -->\n"

    static var names: [String] {
        MetricColumns.all.map { entry in
            switch entry {
            case .column(let column): column.name
            case .family(let family): family.prefix
            }
        }
    }

    @Test("names are unique, the dissent model's 17 come first, and every column has a definition")
    func wellFormed() {
        #expect(Set(Self.names).count == Self.names.count)
        #expect(MetricColumns.dissentModel.count == 17)
        for entry in MetricColumns.all {
            switch entry {
            case .column(let column): #expect(!column.definition.isEmpty, "\(column.name)")
            case .family(let family): #expect(!family.definition.isEmpty && family.prefix.hasSuffix("_"))
            }
        }
    }

    /// An observation of a society of 1,000 where every count is 50 but `count`, which is 37.
    static func observation(_ count: Count?) -> TickObservation {
        var tally = ChunkTally()
        for other in Count.allCases { tally[other] = 50 }
        if let count { tally[count] = 37 }
        let counts = [UInt64](repeating: 0, count: 11) + [1_000]
        return counts.withUnsafeBufferPointer { counts in
            let histogram = ScoreHistogram(counts: counts, rules: ScoreRules(max: 11, resolution: 1), population: 1_000)
            return TickObservation(
                tick: 1, population: 1_000, legitimacy: 0.5, tally: tally, cumulative: tally, histogram: histogram,
                score: ScoreSummary(counts: counts, rules: histogram.rules), degrees: DegreeTally(), rankVolatility: 0,
                perkMinimumSteps: [])
        }
    }

    @Test("every count a chunk keeps shows in some column", arguments: Count.allCases)
    func everyCountIsReported(_ count: Count) {
        var scenario = Scenario(name: "all columns")
        scenario.regime.peerRating.enabled = true
        scenario.regime.sanctions = [
            Sanction(name: "travel", trigger: .scoreBelow(500), effects: [.flightBan, .railBan])
        ]
        let layout = MetricsLayout(scenario: scenario, population: 1_000)
        #expect(layout.values(Self.observation(count)) != layout.values(Self.observation(nil)))
    }

    @Test(
        "a layout has each column once, the peer-rating columns with peer rating only, the trip columns with trips only, the families per element"
    )
    func layouts() {
        var scenario = Scenario(name: "s", represents: 1_400_000_000)
        scenario.regime.score.grades = [Grade(name: "D", minimum: 0), Grade(name: "A", minimum: 900)]
        let names = MetricsLayout(scenario: scenario, population: 1_000).columnNames
        #expect(Set(names).count == names.count)
        #expect(!names.contains("mean_rating") && names.contains("grade_A") && names.contains("acts_charity"))
        #expect(names.contains("recorded_dissent_represented") && !names.contains("grade_A_represented"))
        let tripColumns = [
            "flight_attempts", "flights_blocked", "flights_blocked_total", "flight_barred", "rail_attempts",
            "rail_trips_blocked", "rail_trips_blocked_total", "rail_barred",
        ]
        #expect(names.allSatisfy { !tripColumns.contains($0) })
        scenario.regime.peerRating.enabled = true
        #expect(MetricsLayout(scenario: scenario, population: 1_000).columnNames.contains("five_star_share"))
        scenario.regime.perks = [Perk(name: "fast", trigger: .scoreAbove(900), effects: [.transportDiscount])]
        let withTrips = MetricsLayout(scenario: scenario, population: 1_000).columnNames
        #expect(tripColumns.allSatisfy { withTrips.contains($0) && withTrips.contains($0 + "_represented") })
    }

    @Test("docs/MODEL.md's metrics are the rendered columns")
    func modelListsTheColumns() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("docs/MODEL.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: Self.start), "docs/MODEL.md lacks the metrics' first line")
        let end = try #require(
            text.range(of: Self.end, range: start.upperBound..<text.endIndex),
            "docs/MODEL.md lacks the metrics' last line"
        )
        let expected = "\n" + MetricReference.markdown() + "\n"
        let written = String(text[start.upperBound..<end.lowerBound])
        if written != expected, ProcessInfo.processInfo.environment["UPDATE_DOCS"] == "1" {
            try text.replacingCharacters(in: start.upperBound..<end.lowerBound, with: expected).write(
                to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            written == expected,
            """
            docs/MODEL.md's metrics differ from MetricColumns; run UPDATE_DOCS=1 bash scripts/test.sh, or write \
            this between its first and last lines:
            \(expected)
            """)
    }
}
