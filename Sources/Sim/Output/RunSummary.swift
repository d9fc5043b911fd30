/// `summary.csv`: one row with the run's key parameters and final metrics.
public enum RunSummary {
    /// The one-row table for a run of `scenario` over `graph` that produced `rows` (at least one).
    public static func table(scenario: Scenario, graph: GraphReport, rows: [TickMetrics]) -> CSVTable {
        let final = rows.last!
        let layout = final.layout
        let peak = RunPeak(rows)
        let meanExpressed = rows.reduce(0) { $0 + $1[.expressedDissent] } / Double(rows.count)
        let parameters: [(String, String)] = [
            ("scenario", scenario.name),
            ("seed", String(scenario.seed)),
            ("population", String(Int(final[.population]))),
            ("ticks", String(scenario.ticks)),
            ("graph_model", scenario.graph.model.rawValue),
            ("mean_degree", CSVNumber.format(graph.meanDegree)),
            ("legitimacy_start", CSVNumber.format(scenario.legitimacy.value(at: 1))),
            ("legitimacy_end", CSVNumber.format(scenario.legitimacy.value(at: scenario.ticks))),
            ("dissent_coverage", CSVNumber.format(scenario.regime.surveillance.dissent.coverage)),
            ("deterrence", CSVNumber.format(scenario.dissent.deterrence)),
            ("severity", CSVNumber.format(scenario.dissent.severity)),
            ("detention_probability", CSVNumber.format(scenario.regime.detention.probability)),
            ("dissent_points", CSVNumber.format(scenario.regime.score.points.dissent)),
            ("policing_capacity", CSVNumber.format(scenario.regime.policing.capacity)),
            ("peak_expressed_dissent", peak.cells[0]),
            ("peak_tick", peak.cells[1]),
            ("mean_expressed_dissent", CSVNumber.format(meanExpressed)),
        ]
        let finals = zip(layout.columnNames, layout.row(final)).dropFirst(2).map { ("final_" + $0, $1) }
        let cells = parameters + finals
        var table = CSVTable(header: cells.map(\.0))
        table.append(cells.map(\.1))
        return table
    }
}
