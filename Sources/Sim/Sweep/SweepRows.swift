import Foundation

/// The rows a sweep's runs write: `sweep.csv`'s line per run and, when the sweep asks,
/// `sweep-timeseries.csv`'s rows per written tick, each a whole CSV record ending in `\n` whose
/// first cell is the run id.
public struct SweepRows: Sendable {
    /// `sweep.csv`, the file of one line per run.
    public static let fileName = "sweep.csv"

    /// The sweep.
    public let plan: SweepPlan

    public init(plan: SweepPlan) {
        self.plan = plan
    }

    /// `sweep.csv`'s header line.
    public var header: Data { Self.line(plan.columns) }

    /// `sweep-timeseries.csv`'s header line.
    public var timeseriesHeader: Data { Self.line(plan.timeseriesColumns) }

    /// The `sweep.csv` line of `run`, whose ticks (in order) are `ticks`.
    public func row(of run: SweepPlan.Run, ticks: [TickMetrics]) -> Data {
        let final = ticks.last!
        let peak = plan.hasDissent ? RunPeak(ticks).cells : []
        return Self.line(runCells(run) + final.layout.row(final) + peak)
    }

    /// The `sweep-timeseries.csv` rows of `run`: those of ``writtenTicks(ticks:every:)``.
    public func timeseries(of run: SweepPlan.Run, ticks: [TickMetrics]) -> Data {
        let every = plan.file.timeseries?.every ?? 1
        let cells = runCells(run)
        var data = Data()
        for tick in ticks where Self.isWritten(tick: tick.tick, of: ticks.count, every: every) {
            data.append(Self.line(cells + tick.layout.row(tick)))
        }
        return data
    }

    /// The number of `sweep-timeseries.csv` rows of `run`.
    public func timeseriesRowCount(of run: SweepPlan.Run) -> Int {
        let ticks = plan.points[run.point].scenario.ticks
        let every = plan.file.timeseries?.every ?? 1
        return ticks / every + (ticks % every == 0 ? 0 : 1)
    }

    /// Whether tick `tick` (1...ticks) of a run is written with `timeseries_every = every`: every
    /// multiple of `every`, and the last tick.
    static func isWritten(tick: Int, of ticks: Int, every: Int) -> Bool {
        tick % every == 0 || tick == ticks
    }

    /// The cells that name `run`: run id, point, replicate, seed, then its axis values.
    private func runCells(_ run: SweepPlan.Run) -> [String] {
        [String(run.id), String(run.point), String(run.replicate), String(run.seed)]
            + plan.points[run.point].values.map(\.cell)
    }

    /// The run id of a data line (without its `\n`); nil when the line does not start with one.
    public static func runID(of line: Data) -> Int? {
        let cell = line.prefix { $0 != UInt8(ascii: ",") }
        guard !cell.isEmpty, cell.count <= 18,
            cell.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else {
            return nil
        }
        return Int(String(decoding: cell, as: UTF8.self))
    }

    /// One CSV record quoted as every CSV file of the simulator is: a one-line ``CSVTable``'s header.
    private static func line(_ cells: [String]) -> Data {
        CSVTable(header: cells).data
    }
}
