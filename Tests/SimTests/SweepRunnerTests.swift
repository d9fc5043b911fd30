import Foundation
import Testing

@testable import Sim

/// Sweeps run in process: common random numbers, replicate statistics and Sobol indices.
@Suite struct SweepRunnerTests {
    /// Runs `text` (a sweep of `base.toml`, 500 citizens for 5 ticks) and returns `sweep.csv`'s
    /// rows as cells, with the folder the sweep wrote.
    static func run(_ text: String, in folder: ScenarioFolder) throws -> (rows: [[String]], out: String) {
        let plan = try SweepPlanTests.plan(text, in: folder)
        let out = (folder.path as NSString).appendingPathComponent("out-\(UUID().uuidString)")
        _ = try SweepRunner.run(plan, folder: out, shard: .whole, jobs: 2, threads: 1)
        return (try rows(of: (out as NSString).appendingPathComponent(SweepRows.fileName)), out)
    }

    static func rows(of path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { CSVTable.cells(of: String($0)) }
    }

    /// Two points that differ only in the field of view of police that do not exist (capacity 0).
    static func ineffectiveAxis(commonRandomNumbers: Bool) -> String {
        """
        [sweep]
        base = "base"
        seed = 3
        replicates = 3
        common_random_numbers = \(commonRandomNumbers)

        [[axes]]
        key = "policing.vision"
        values = [5, 80]
        """
    }

    @Test func withCommonRandomNumbersAParameterWithoutEffectChangesNoMetric() throws {
        let folder = try SweepPlanTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let metrics = 5...  // after run_id, point, replicate, seed and the axis
        let common = try Self.run(Self.ineffectiveAxis(commonRandomNumbers: true), in: folder).rows
        #expect(common.count == 7)
        for replicate in 1...3 {
            let (first, second) = (common[replicate], common[replicate + 3])
            #expect(first[2] == second[2] && first[3] == second[3], "replicate and seed are shared")
            #expect(first[metrics] == second[metrics])
        }
        #expect(common[1][metrics] != common[2][metrics], "replicates differ")
        let own = try Self.run(Self.ineffectiveAxis(commonRandomNumbers: false), in: folder).rows
        #expect(
            (1...3).contains { own[$0][metrics] != own[$0 + 3][metrics] }, "without, seed noise separates the points")
    }

    @Test func sweepStatsHoldEachPointsReplicateMeanSdAndInterval() throws {
        let folder = try SweepPlanTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let (rows, out) = try Self.run(Self.ineffectiveAxis(commonRandomNumbers: false), in: folder)
        let stats = try Self.rows(of: (out as NSString).appendingPathComponent(SweepStatistics.statsFileName))
        #expect(stats[0] == ["point", "policing.vision", "metric", "replicates", "mean", "sd", "ci_low", "ci_high"])
        let header = rows[0]
        let metricNames = header[5...].filter { $0 != "tick" }
        #expect(metricNames.contains("expressed_dissent_peak") && metricNames.contains("expressed_dissent_peak_tick"))
        #expect(stats.count == 1 + 2 * metricNames.count)
        let column = try #require(header.firstIndex(of: "expressed_dissent"))
        for point in 0..<2 {
            let values = rows[(1 + 3 * point)...(3 + 3 * point)].map { Double($0[column])! }
            let row = try #require(stats.first { $0[0] == String(point) && $0[2] == "expressed_dissent" })
            let summary = try #require(ReplicateSummary(values))
            #expect(row[1] == ["5", "80"][point] && row[3] == "3")
            #expect(Double(row[4]) == summary.mean && Double(row[5]) == summary.standardDeviation)
            #expect(Double(row[6]) == summary.confidenceLow && Double(row[7]) == summary.confidenceHigh)
        }
        try FileManager.default.removeItem(
            atPath: (out as NSString).appendingPathComponent(SweepStatistics.statsFileName))
        let manifest = try #require(try SweepManifest.read(folder: out))
        let files = try SweepStatistics.write(folder: try SweepFolder.open(path: out, manifest: manifest))
        #expect(files == [(out as NSString).appendingPathComponent(SweepStatistics.statsFileName)])
        #expect(try Self.rows(of: files[0]) == stats, "recomputed from sweep.csv alone")
    }

    @Test func oneReplicateLeavesTheSpreadEmpty() throws {
        let folder = try SweepPlanTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let text = Self.ineffectiveAxis(commonRandomNumbers: false).replacingOccurrences(
            of: "replicates = 3", with: "replicates = 1")
        let (_, out) = try Self.run(text, in: folder)
        let stats = try Self.rows(of: (out as NSString).appendingPathComponent(SweepStatistics.statsFileName))
        #expect(stats.dropFirst().allSatisfy { $0[3] == "1" && $0[5...] == ["", "", ""] })
    }

    @Test func aSaltelliSweepWritesSobolIndicesWithEmptyCellsForConstantOutputs() throws {
        let folder = try SweepPlanTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let text = """
            [sweep]
            base = "base"
            seed = 3
            sampling = "saltelli"
            count = 8
            timeseries = true

            [[axes]]
            key = "legitimacy.value"
            range = { from = 0.2, to = 0.9 }

            [[axes]]
            key = "surveillance.dissent.coverage"
            range = { from = 0.0, to = 0.9 }
            """
        let (rows, out) = try Self.run(text, in: folder)
        #expect(rows.count == 1 + 8 * 4)
        let sobol = try Self.rows(of: (out as NSString).appendingPathComponent(SweepStatistics.sobolFileName))
        #expect(sobol[0] == ["parameter", "output", "S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"])
        let outputs = rows[0][6...].filter { $0 != "tick" }
        #expect(sobol.count == 1 + 2 * outputs.count)
        let population = sobol.filter { $0[1] == "population" }
        #expect(population.count == 2 && population.allSatisfy { $0[2...].allSatisfy(\.isEmpty) })
        let dissent = sobol.filter { $0[1] == "expressed_dissent" }
        #expect(dissent.map { $0[0] } == ["legitimacy.value", "surveillance.dissent.coverage"])
        #expect(dissent.allSatisfy { $0[2...].allSatisfy { Double($0)?.isFinite == true } })
        let series = try Self.rows(of: (out as NSString).appendingPathComponent("sweep-timeseries.csv"))
        #expect(series.count == 1 + 8 * 4 * 5, "every tick of every run")
        #expect(series[0] == rows[0][..<rows[0].firstIndex(of: "expressed_dissent_peak")!].map { $0 })
    }
}
