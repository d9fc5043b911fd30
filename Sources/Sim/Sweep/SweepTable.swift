import Foundation

/// The lines of `sweep.csv`: a header, then one line per run, each a whole CSV record ending in `\n`.
///
/// A line's first cell is its run id, an integer, so a line's run is read without parsing the rest.
public struct SweepTable: Sendable {
    /// Column names (``SweepPlan/columns``).
    public let columns: [String]

    public init(columns: [String]) {
        self.columns = columns
    }

    /// The header line.
    public var header: Data { Self.line(columns) }

    /// The line of `run`, whose axis values are `values` and whose last tick gave `metrics` (one
    /// cell per metric column).
    public func line(run: SweepPlan.Run, values: [SweepAxis.Value], metrics: [String]) -> Data {
        let cells = [String(run.id), String(run.replicate), String(run.seed)] + values.map(\.cell) + metrics
        precondition(cells.count == columns.count, "row has \(cells.count) cells, header \(columns.count)")
        return Self.line(cells)
    }

    /// The run id of a data line (without its `\n`); nil when the line does not start with one.
    public static func runID(of line: Data) -> Int? {
        let cell = line.prefix { $0 != UInt8(ascii: ",") }
        guard !cell.isEmpty, cell.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return Int(String(decoding: cell, as: UTF8.self))
    }

    /// One CSV record quoted as every CSV file of the simulator is: a one-line ``CSVTable``'s header.
    private static func line(_ cells: [String]) -> Data {
        CSVTable(header: cells).data
    }
}
