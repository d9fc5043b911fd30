/// What one tick looks like: one row of `timeseries.csv`. Shares are of the whole population.
public struct TickMetrics: Sendable, Equatable {
    /// Tick number, 1 for the state after the first update.
    public var tick: Int
    /// Number of citizens.
    public var population: Int
    /// Legitimacy L used for this tick's decisions.
    public var legitimacy: Double
    /// Share who expressed dissent.
    public var expressedDissent: Double
    /// Share of present citizens whose ties' dissent meets their threshold without deterrence.
    public var privateDissent: Double
    /// Private minus expressed dissent (preference falsification), ≥ 0.
    public var falsificationGap: Double
    /// Share detained (absent).
    public var detained: Double
    /// Dissent acts recorded by surveillance this tick (a count).
    public var recordedDissent: Int
    /// Detentions begun this tick (a count).
    public var newDetentions: Int
    /// Score distribution.
    public var score: ScoreSummary

    /// CSV column names, in order.
    public static let columnNames =
        [
            "tick", "population", "legitimacy", "expressed_dissent", "private_dissent", "falsification_gap",
            "detained", "recorded_dissent", "new_detentions",
        ] + ScoreSummary.columnNames.map { "score_" + $0 }

    /// CSV cells, in the order of ``columnNames``.
    public var cells: [String] {
        [
            String(tick), String(population), CSVNumber.format(legitimacy), CSVNumber.format(expressedDissent),
            CSVNumber.format(privateDissent), CSVNumber.format(falsificationGap), CSVNumber.format(detained),
            String(recordedDissent), String(newDetentions),
        ] + score.cells
    }
}
