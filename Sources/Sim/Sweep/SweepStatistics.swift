import Foundation

/// The statistics of a finished sweep, computed from its `sweep.csv` and `sweep.json` alone:
/// `sweep-stats.csv` (every design point's replicate mean, standard deviation and Student-t 95%
/// interval of every metric, ``ReplicateSummary``) and, for a Saltelli sweep, `sobol.csv` (every
/// parameter's first- and total-order Sobol index of every metric, ``SobolIndices``).
///
/// Metrics are the columns after the axes, `tick` aside: the last tick's values and the peak of
/// expressed dissent. `sweep.csv` is read line by line; memory holds one point's replicates, and
/// under Saltelli sampling every point's means.
public enum SweepStatistics {
    /// `sweep-stats.csv`.
    public static let statsFileName = "sweep-stats.csv"
    /// `sobol.csv`.
    public static let sobolFileName = "sobol.csv"
    /// Bootstrap resamples behind each Sobol index's interval.
    public static let bootstrapResamples = 1000

    /// Writes the statistics files of the finished, whole sweep in `folder` (which the caller has
    /// open), each whole or not at all; returns the files written.
    @discardableResult
    public static func write(folder: SweepFolder) throws(SweepError) -> [String] {
        let manifest = folder.manifest
        guard manifest.shard == SweepShard.whole.description else {
            throw SweepError(
                path: folder.path, message: "holds shard \(manifest.shard) only: merge the shards (simctl merge) first")
        }
        let design = manifest.design
        let path = folder.file(SweepRows.fileName)
        let reader: LineReader
        let headerLine: Data?
        do {
            reader = try LineReader(path: path)
            headerLine = try reader.next()
        } catch {
            throw SweepError(path: path, message: error.message)
        }
        guard let headerLine else { throw SweepError(path: path, line: 1, message: "has no header") }
        let columns = CSVTable.cells(of: text(headerLine))
        let runColumns = 4 + design.axes.count
        guard columns.count > runColumns, Array(columns[4..<runColumns]) == design.axes else {
            throw SweepError(path: path, line: 1, message: "the header does not match sweep.json's axes")
        }
        let metrics = (runColumns..<columns.count).filter { columns[$0] != "tick" }
        let names = metrics.map { columns[$0] }
        var stats = CSVTable(
            header: ["point"] + design.axes + ["metric", "replicates", "mean", "sd", "ci_low", "ci_high"])
        var pointMeans: [[Double?]] = []
        var group: (point: Int, axes: [String], values: [[Double]])?
        func close(_ group: (point: Int, axes: [String], values: [[Double]])) {
            var means: [Double?] = []
            for (index, name) in names.enumerated() {
                guard let summary = ReplicateSummary(group.values[index]) else {
                    means.append(nil)
                    continue
                }
                means.append(summary.mean)
                stats.append(
                    [String(group.point)] + group.axes + [name, String(summary.count)]
                        + [summary.mean, summary.standardDeviation, summary.confidenceLow, summary.confidenceHigh]
                        .map { $0.map(CSVNumber.format) ?? "" })
            }
            pointMeans.append(means)
        }
        var expectedRun = 0
        var number = 1
        while true {
            let data: Data?
            do {
                data = try reader.next()
            } catch {
                throw SweepError(path: path, message: error.message)
            }
            guard let data else { break }
            number += 1
            let cells = CSVTable.cells(of: text(data))
            guard data.last == UInt8(ascii: "\n"), cells.count == columns.count, Int(cells[0]) == expectedRun,
                let point = Int(cells[1])
            else {
                throw SweepError(
                    path: path, line: number,
                    message: "expected the whole row of run \(expectedRun): the sweep is unfinished or the file damaged"
                )
            }
            expectedRun += 1
            if let current = group, current.point != point {
                close(current)
                group = nil
            }
            if group == nil {
                guard point == pointMeans.count else {
                    throw SweepError(path: path, line: number, message: "point \(point) is out of order")
                }
                group = (point, Array(cells[4..<runColumns]), Array(repeating: [], count: metrics.count))
            }
            for (index, column) in metrics.enumerated() {
                if let value = Double(cells[column]), value.isFinite { group!.values[index].append(value) }
            }
        }
        if let group { close(group) }
        guard expectedRun == manifest.runs else {
            throw SweepError(
                path: path, message: "holds \(expectedRun) of \(manifest.runs) runs: resume the sweep first")
        }
        var written = [folder.file(statsFileName)]
        try SweepFolder.replace(written[0], with: stats.data)
        if let saltelli = design.saltelli {
            written.append(folder.file(sobolFileName))
            let sobol = sobolTable(saltelli, means: pointMeans, metrics: names, axes: design.axes, seed: design.seed)
            try SweepFolder.replace(written[1], with: sobol.data)
        }
        return written
    }

    /// `sobol.csv`: a row per metric and parameter, empty cells where the metric does not vary
    /// (or a point lacks it).
    static func sobolTable(
        _ design: SaltelliDesign, means: [[Double?]], metrics: [String], axes: [String], seed: UInt64
    ) -> CSVTable {
        precondition(means.count == design.rowCount, "one mean per design row")
        var table = CSVTable(header: ["parameter", "output", "S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"])
        var rows: [Int: [Int]] = [:]
        for row in 0..<design.rowCount {
            let (base, role) = design.role(ofRow: row)
            let slot: Int
            switch role {
            case .a: slot = 0
            case .b: slot = 1
            case .ab(let axis): slot = 2 + axis
            }
            rows[slot, default: Array(repeating: 0, count: design.baseCount)][base] = row
        }
        for (metric, name) in metrics.enumerated() {
            let column = { (slot: Int) -> [Double]? in
                let values = rows[slot]!.map { means[$0][metric] }
                return values.contains(nil) ? nil : values.map { $0! }
            }
            var indices: [SobolIndices]?
            if let a = column(0), let b = column(1) {
                let ab = (0..<design.dimensions).compactMap { column(2 + $0) }
                if ab.count == design.dimensions {
                    indices = SobolIndices.estimate(a: a, b: b, ab: ab, resamples: bootstrapResamples, seed: seed)
                }
            }
            for (axis, parameter) in axes.enumerated() {
                let cells =
                    indices.map { all in
                        let index = all[axis]
                        return [
                            index.first, index.firstLow, index.firstHigh, index.total, index.totalLow, index.totalHigh,
                        ]
                        .map(CSVNumber.format)
                    } ?? Array(repeating: "", count: 6)
                table.append([parameter, name] + cells)
            }
        }
        return table
    }

    /// A line's text without its line end.
    private static func text(_ line: Data) -> String {
        var line = line
        if line.last == UInt8(ascii: "\n") { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }
}
