import Foundation
import Testing

@testable import Sim

/// Expanding sweep files into runs: counts, order, values, Sobol points and seeds.
@Suite struct SweepPlanTests {
    /// A folder with a small base scenario, `base.toml`, for sweep files to name.
    static func folder() throws -> ScenarioFolder {
        let folder = try ScenarioFolder()
        try folder.write("base.toml", "ticks = 5\n[population]\nsize = 500\n[legitimacy]\nvalue = 0.6\n")
        return folder
    }

    static func plan(_ text: String, in folder: ScenarioFolder) throws -> SweepPlan {
        let path = try folder.write("sweep.toml", text)
        return try SweepPlan.make(try SweepFile.load(path: path, library: ScenarioLibrary(folder: nil)))
    }

    static let gridSweep = """
        [sweep]
        base = "base"
        seed = 11
        replicates = 3

        [[axes]]
        key = "surveillance.dissent.coverage"
        range = { from = 0.0, to = 0.9, steps = 10 }

        [[axes]]
        key = "legitimacy.value"
        values = [0.4, 0.6]

        [[axes]]
        key = "graph.model"
        values = ["small-world", "random"]
        """

    @Test func gridRunsAreTheProductOfTheAxesTimesReplicates() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let plan = try Self.plan(Self.gridSweep, in: folder)
        #expect(plan.points.count == 10 * 2 * 2)
        #expect(plan.runCount == 10 * 2 * 2 * 3)
        #expect(
            plan.columns.prefix(8)
                == [
                    "run_id", "point", "replicate", "seed", "surveillance.dissent.coverage", "legitimacy.value",
                    "graph.model", "tick",
                ])
        // First axis slowest, replicates innermost.
        #expect(plan.points[0].values.map(\.cell) == ["0.0", "0.4", "small-world"])
        #expect(plan.points[1].values.map(\.cell) == ["0.0", "0.4", "random"])
        #expect(plan.points[2].values.map(\.cell) == ["0.0", "0.6", "small-world"])
        #expect(plan.points[4].values.map(\.cell) == ["0.1", "0.4", "small-world"])
        #expect(
            plan.run(7) == SweepPlan.Run(id: 7, point: 2, replicate: 1, seed: SweepSeed.seed(sweepSeed: 11, run: 7)))
        let scenario = plan.scenario(of: plan.run(16))
        #expect(scenario.regime.surveillance.dissent.coverage == 0.1)
        #expect(scenario.legitimacy.value == 0.4)
        #expect(scenario.graph.model == .random)
        #expect(scenario.seed == SweepSeed.seed(sweepSeed: 11, run: 16))
        #expect(scenario.population.size == 500)
    }

    @Test func rangesGiveTidyEvenlySpacedValues() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let plan = try Self.plan(Self.gridSweep, in: folder)
        let coverages = stride(from: 0, to: plan.points.count, by: 4).map { plan.points[$0].values[0].cell }
        #expect(coverages == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"])
        let integers = try Self.plan(
            "[sweep]\nbase = \"base\"\n[[axes]]\nkey = \"ticks\"\nrange = { from = 10, to = 40, steps = 4 }\n",
            in: folder)
        #expect(integers.points.map(\.scenario.ticks) == [10, 20, 30, 40])
        #expect(integers.points.map { $0.values[0].cell } == ["10", "20", "30", "40"])
    }

    @Test func noAxesMeansReplicatesOfTheBase() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let plan = try Self.plan("[sweep]\nbase = \"base\"\nreplicates = 4\nset = [\"ticks=7\"]\n", in: folder)
        #expect(plan.runCount == 4)
        #expect(plan.points[0].scenario.ticks == 7)
        #expect(Set((0..<4).map { plan.run($0).seed }).count == 4)
    }

    static let sobolSweep = """
        [sweep]
        base = "base"
        seed = 5
        replicates = 2
        sampling = "sobol"
        count = 64

        [[axes]]
        key = "surveillance.dissent.coverage"
        range = { from = 0.2, to = 0.7 }

        [[axes]]
        key = "legitimacy.value"
        values = [0.3, 0.5, 0.9]

        [[axes]]
        key = "population.size"
        range = { from = 1000, to = 4000, steps = 4 }
        """

    @Test func sobolPointsLieInTheirRangesAndAreDeterministic() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let plan = try Self.plan(Self.sobolSweep, in: folder)
        #expect(plan.points.count == 64)
        #expect(plan.runCount == 128)
        let coverages = plan.points.map(\.scenario.regime.surveillance.dissent.coverage)
        #expect(coverages.allSatisfy { (0.2..<0.7).contains($0) })
        #expect(Set(coverages).count == 64, "a Sobol coordinate never repeats in its first 2^k points")
        // GSL's sequence starts at (1/2, 1/2, 1/2): the middle of each range, the middle list value.
        #expect(plan.points[0].values.map(\.cell) == ["0.45", "0.5", "3000"])
        let legitimacies = plan.points.map(\.scenario.legitimacy.value)
        #expect(Set(legitimacies) == [0.3, 0.5, 0.9])
        #expect(legitimacies.filter { $0 == 0.3 }.count > 16, "list values are picked evenly")
        #expect(Set(plan.points.map(\.scenario.population.size)) == [1000, 2000, 3000, 4000])
        let again = try Self.plan(Self.sobolSweep, in: folder)
        #expect(again.resolvedText == plan.resolvedText)
        #expect(again.points.map(\.values) == plan.points.map(\.values))
    }

    @Test func sobolPicksTheListValueAtFloorOfUTimesCount() {
        let axis = SweepAxis(
            name: "x", keyPaths: ["x"], factors: [1],
            levels: .values([SweepAxis.Value(integer: 1), SweepAxis.Value(integer: 2)]), keyLine: nil,
            valueLines: [nil, nil])
        #expect(axis.value(at: 0).cell == "1")
        #expect(axis.value(at: 0.4999).cell == "1")
        #expect(axis.value(at: 0.5).cell == "2")
        #expect(axis.value(at: 0.9999).cell == "2")
    }

    @Test func seedsDependOnlyOnTheSweepSeedAndTheRunId() throws {
        // SplitMix64 from 0: its first output is 0xE220A8397B1DCDAF.
        #expect(SweepSeed.seed(sweepSeed: 0, run: 0) == 0xE220_A839_7B1D_CDAF >> 1)
        let seeds = (0..<1000).map { SweepSeed.seed(sweepSeed: 42, run: $0) }
        #expect(Set(seeds).count == 1000)
        #expect(seeds.allSatisfy { $0 < 1 << 63 })
        #expect(SweepSeed.seed(sweepSeed: 43, run: 0) != seeds[0])
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let grid = try Self.plan(Self.gridSweep, in: folder)
        let sobol = try Self.plan(Self.sobolSweep.replacingOccurrences(of: "seed = 5", with: "seed = 11"), in: folder)
        #expect((0..<100).allSatisfy { grid.run($0).seed == sobol.run($0).seed })
        #expect(grid.run(5).seed == SweepSeed.seed(sweepSeed: 11, run: 5))
    }

    @Test func theResolvedTextChangesWithTheRunsOnly() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let plan = try Self.plan(Self.gridSweep, in: folder)
        let commented = try Self.plan("# a comment\n" + Self.gridSweep, in: folder)
        #expect(commented.sha256 == plan.sha256)
        let reseeded = try Self.plan(
            Self.gridSweep.replacingOccurrences(of: "seed = 11", with: "seed = 12"), in: folder)
        #expect(reseeded.sha256 != plan.sha256)
        let common = try Self.plan(
            Self.gridSweep.replacingOccurrences(
                of: "replicates = 3", with: "replicates = 3\ncommon_random_numbers = true"),
            in: folder)
        #expect(common.sha256 != plan.sha256, "seeds are part of it")
        let series = try Self.plan(
            Self.gridSweep.replacingOccurrences(of: "replicates = 3", with: "replicates = 3\ntimeseries = true"),
            in: folder)
        #expect(series.sha256 != plan.sha256, "the files written are part of it")
        try folder.write("base.toml", "ticks = 6\n[population]\nsize = 500\n")
        #expect(try Self.plan(Self.gridSweep, in: folder).sha256 != plan.sha256, "the base scenario is part of it")
    }

    @Test func commonRandomNumbersGiveReplicateRTheSameSeedAtEveryPoint() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let text = Self.gridSweep.replacingOccurrences(
            of: "replicates = 3", with: "replicates = 3\ncommon_random_numbers = true")
        let plan = try Self.plan(text, in: folder)
        for id in 0..<plan.runCount {
            let run = plan.run(id)
            #expect(run.seed == SweepSeed.seed(sweepSeed: 11, run: run.replicate))
        }
        #expect(Set((0..<plan.runCount).map { plan.run($0).seed }).count == 3)
    }

    static let saltelliSweep = """
        [sweep]
        base = "base"
        seed = 9
        replicates = 2
        sampling = "saltelli"
        count = 8

        [[axes]]
        key = "surveillance.dissent.coverage"
        range = { from = 0.2, to = 0.7 }

        [[axes]]
        keys = ["surveillance.street.coverage", "surveillance.traffic.coverage"]
        factors = [1.0, 0.5]
        name = "cameras"
        range = { from = 0.2, to = 0.8 }
        """

    @Test func saltelliPointsFollowTheDesignAndShareSeedsWithinABasePoint() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let plan = try Self.plan(Self.saltelliSweep, in: folder)
        let design = SaltelliDesign(baseCount: 8, dimensions: 2)
        #expect(plan.points.count == 8 * 4 && plan.runCount == 64)
        #expect(
            plan.columns.prefix(6) == [
                "run_id", "point", "replicate", "seed", "surveillance.dissent.coverage", "cameras",
            ])
        for (row, unit) in design.points().enumerated() {
            #expect(plan.points[row].values.map(\.cell) == zip(plan.file.axes, unit).map { $0.value(at: $1).cell })
        }
        for id in 0..<plan.runCount {
            let run = plan.run(id)
            let base = design.role(ofRow: run.point).base
            #expect(run.seed == SweepSeed.seed(sweepSeed: 9, run: base * 2 + run.replicate))
        }
        let point = plan.points[5]
        let cameras = try #require(point.values[1].number)
        let channels = point.scenario.regime.surveillance.channels
        #expect(channels[.street]?.coverage == cameras)
        #expect(abs(channels[.traffic]!.coverage - cameras * 0.5) < 1e-12)
    }
}
