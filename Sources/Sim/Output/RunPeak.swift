/// The peak of expressed dissent over a run, which the last tick's row would miss (an outburst that
/// has died down by the end): `summary.csv`'s `peak_expressed_dissent` and `peak_tick`, and
/// `sweep.csv`'s last two columns.
struct RunPeak: Sendable, Equatable {
    /// The metric whose peak is taken.
    static let metric = MetricColumn.expressedDissent.name
    /// `sweep.csv`'s column of the peak value.
    static let valueColumn = "expressed_dissent_peak"
    /// `sweep.csv`'s column of the first tick the peak was reached.
    static let tickColumn = "expressed_dissent_peak_tick"

    /// The highest share expressing dissent over the run's ticks.
    let value: Double
    /// The first tick with that share.
    let tick: Int

    /// The peak of `rows` (a run's ticks in order; at least one, with expressed dissent).
    init(_ rows: [TickMetrics]) {
        precondition(!rows.isEmpty, "a run has ticks")
        let best = rows.max { $0[MetricColumn.expressedDissent] < $1[MetricColumn.expressedDissent] }!
        value = best[MetricColumn.expressedDissent]
        tick = best.tick
    }

    /// The `sweep.csv` cells, formatted as the timeseries' share and tick columns are.
    var cells: [String] { [CSVNumber.format(value), String(tick)] }
}
