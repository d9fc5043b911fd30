/// The columns of `timeseries.csv` for one scenario, and how a ``TickMetrics`` fills them.
///
/// The first 15 columns are the dissent model's and never change; then the regime's; then one
/// column per grade, sanction, perk and behaviour; then, with `represents`, every count again
/// scaled to the represented population (`<name>_represented`).
public struct MetricsLayout: Sendable {
    private let grades: [String]
    private let sanctions: [String]
    private let perks: [String]
    private let behaviours: [String]
    private let peerRating: Bool
    private let scale: Double?

    public init(scenario: Scenario, population: Int) {
        grades = scenario.regime.score.grades.map(\.name)
        sanctions = scenario.regime.sanctions.map(\.name)
        perks = scenario.regime.perks.map(\.name)
        behaviours = scenario.behaviours.map(\.name)
        peerRating = scenario.regime.peerRating.enabled
        scale = scenario.represents.map { Double($0) / Double(population) }
    }

    /// Column names, in order.
    public var columnNames: [String] {
        let columns = cells(of: nil)
        return columns.map(\.name)
    }

    /// The row for `metrics`, in the order of ``columnNames``.
    public func row(_ metrics: TickMetrics) -> [String] {
        cells(of: metrics).map(\.value)
    }

    private enum Value {
        case count(Int)
        case number(Double)
    }

    private func cells(of metrics: TickMetrics?) -> [(name: String, value: String)] {
        var named: [(String, Value, isCount: Bool)] = []
        func add(_ name: String, _ value: Value, count: Bool = false) {
            named.append((name, value, count))
        }
        let m = metrics
        add("tick", .count(m?.tick ?? 0))
        add("population", .count(m?.population ?? 0))
        add("legitimacy", .number(m?.legitimacy ?? 0))
        add("expressed_dissent", .number(m?.expressedDissent ?? 0))
        add("private_dissent", .number(m?.privateDissent ?? 0))
        add("falsification_gap", .number(m?.falsificationGap ?? 0))
        add("detained", .number(m?.detained ?? 0))
        add("recorded_dissent", .count(m?.recordedDissent ?? 0), count: true)
        add("new_detentions", .count(m?.newDetentions ?? 0), count: true)
        let score = m?.score ?? ScoreSummary(mean: 0, sd: 0, p10: 0, p50: 0, p90: 0, gini: 0)
        for (name, value) in zip(
            ScoreSummary.columnNames, [score.mean, score.sd, score.p10, score.p50, score.p90, score.gini])
        {
            add("score_" + name, .number(value))
        }
        add("compliance_rate", .number(m?.complianceRate ?? 0))
        add("virtue_acts_per_capita", .number(m?.virtueActsPerCapita ?? 0))
        add("wrongful_records", .count(m?.wrongfulRecords ?? 0), count: true)
        add("new_listings", .count(m?.newListings ?? 0), count: true)
        add("delistings", .count(m?.delistings ?? 0), count: true)
        add("wrongful_sanctions", .count(m?.wrongfulSanctions ?? 0), count: true)
        add("flight_bans", .count(m?.flightBans ?? 0), count: true)
        add("rail_bans", .count(m?.railBans ?? 0), count: true)
        add("school_restricted", .count(m?.schoolRestricted ?? 0), count: true)
        add("dissenter_indegree_ratio", .number(m?.dissenterInDegreeRatio ?? 0))
        add("pariahs", .count(m?.pariahs ?? 0), count: true)
        add("ties_cut", .count(m?.tiesCut ?? 0), count: true)
        add("new_ties", .count(m?.newTies ?? 0), count: true)
        add("rank_volatility", .number(m?.rankVolatility ?? 0))
        add("top_decile_share", .number(m?.topDecileShare ?? 0))
        if peerRating {
            add("mean_rating", .number(m?.meanRating ?? 0))
            add("five_star_share", .number(m?.fiveStarShare ?? 0))
        }
        for (index, name) in grades.enumerated() {
            add("grade_" + name, .number(m?.gradeShares[index] ?? 0))
        }
        for (index, name) in sanctions.enumerated() {
            add("sanction_" + name, .count(m?.sanctionCounts[index] ?? 0), count: true)
        }
        for (index, name) in perks.enumerated() {
            add("perk_" + name, .count(m?.perkCounts[index] ?? 0), count: true)
        }
        for (index, name) in behaviours.enumerated() {
            add("acts_" + name, .count(m?.actCounts[index] ?? 0), count: true)
        }
        if let scale {
            for (name, value, isCount) in named where isCount {
                if case .count(let count) = value {
                    add(name + "_represented", .number((Double(count) * scale).rounded()))
                }
            }
        }
        return named.map { name, value, _ in
            switch value {
            case .count(let count): (name, String(count))
            case .number(let number): (name, CSVNumber.format(number))
            }
        }
    }
}
