import Foundation

/// A sweep expanded into its runs, every run's scenario loaded and checked.
///
/// Points are numbered from 0: under grid sampling in the order of nested loops over the axes,
/// the first axis outermost (its values change slowest); under Sobol sampling in the order of
/// GSL's sequence; under Saltelli sampling in the order of ``SaltelliDesign``'s rows. Each point is
/// run `replicates` times: run `id = point · replicates + replicate`, replicate from 0, with seed
/// ``SweepSeed/seed(sweepSeed:run:)`` of its seed stream (``seedStream(of:)``).
///
/// Every axis value is checked as `--set key.path=value` on the base scenario (after the sweep's
/// own `set` list), and every point's scenario is loaded; errors name the sweep file and the line
/// of the axis key or value at fault, with the scenario loader's message and did-you-mean.
public struct SweepPlan: Sendable {
    /// One combination of axis values.
    public struct Point: Sendable {
        /// One value per axis, in axis order.
        public let values: [SweepAxis.Value]
        /// The base scenario with the sweep's overrides and these values applied (its seed is
        /// replaced by each run's).
        public let scenario: Scenario
    }

    /// One run: a point, a replicate and a seed.
    public struct Run: Sendable, Equatable {
        /// 0-based id, `point · replicates + replicate`.
        public let id: Int
        /// 0-based point number.
        public let point: Int
        /// 0-based replicate number.
        public let replicate: Int
        /// The run's seed.
        public let seed: UInt64
    }

    /// The sweep file.
    public let file: SweepFile
    /// The points, in order.
    public let points: [Point]
    /// The timeseries columns every run reports (the same for every point).
    public let metricColumns: [String]
    /// Whether the runs report `expressed_dissent`, and so its peak.
    public let hasDissent: Bool
    /// The text that identifies the sweep's runs: program version, sweep seed, replicates, every
    /// point's overrides and the resolved base scenario. Two sweeps with the same text have the
    /// same runs and give the same `sweep.csv`.
    public let resolvedText: String

    /// Number of runs, `points · replicates`.
    public var runCount: Int { points.count * file.replicates }

    /// The columns that name a run in `sweep.csv` and `sweep-timeseries.csv`: `run_id, point,
    /// replicate, seed`, then one per axis (named by ``SweepAxis/name``).
    public var runColumns: [String] { ["run_id", "point", "replicate", "seed"] + file.axes.map(\.name) }

    /// The columns of `sweep.csv` after the metrics: the peak of expressed dissent over the run
    /// and the first tick it was reached, when the runs report it.
    public var peakColumns: [String] {
        hasDissent ? [RunPeak.valueColumn, RunPeak.tickColumn] : []
    }

    /// Columns of `sweep.csv`: ``runColumns``, then ``metricColumns`` (the last tick's row), then ``peakColumns``.
    public var columns: [String] { runColumns + metricColumns + peakColumns }

    /// Columns of `sweep-timeseries.csv`: ``runColumns``, then ``metricColumns`` (one row per written tick).
    public var timeseriesColumns: [String] { runColumns + metricColumns }

    /// Lowercase hex SHA-256 of ``resolvedText``.
    public var sha256: String { Runner.sha256(Data(resolvedText.utf8)) }

    /// Run `id` (0..<runCount).
    public func run(_ id: Int) -> Run {
        precondition((0..<runCount).contains(id), "no run \(id)")
        let point = id / file.replicates
        let replicate = id % file.replicates
        return Run(
            id: id, point: point, replicate: replicate,
            seed: SweepSeed.seed(sweepSeed: file.seed, run: seedStream(point: point, replicate: replicate)))
    }

    /// The number whose SplitMix64 output seeds the run of `replicate` at `point`: the run id,
    /// `point · replicates + replicate`, or with common random numbers just `replicate`, or under
    /// Saltelli sampling with common random numbers `base · replicates + replicate`, where `base`
    /// is the point's base point (``SaltelliDesign/role(ofRow:)``).
    public func seedStream(point: Int, replicate: Int) -> Int {
        guard file.commonRandomNumbers else { return point * file.replicates + replicate }
        guard let saltelliDesign else { return replicate }
        return saltelliDesign.role(ofRow: point).base * file.replicates + replicate
    }

    /// The Saltelli design of a Saltelli sweep; nil under other samplings.
    public var saltelliDesign: SaltelliDesign? {
        guard case .saltelli(let baseCount) = file.sampling else { return nil }
        return SaltelliDesign(baseCount: baseCount, dimensions: file.axes.count)
    }

    /// The scenario run `run` simulates: its point's, with its seed.
    public func scenario(of run: Run) -> Scenario {
        var scenario = points[run.point].scenario
        scenario.seed = run.seed
        return scenario
    }

    /// Reads and checks the files the points' scenarios read (population file, edge list), each
    /// distinct combination once, throwing the first problem.
    public func checkInputs() throws {
        var checked: Set<[String]> = []
        for point in points {
            let scenario = point.scenario
            let inputs = [
                scenario.population.file ?? "", scenario.population.size.map { String($0) } ?? "",
                scenario.graph.model.rawValue, scenario.graph.file ?? "",
            ]
            if checked.insert(inputs).inserted { try ScenarioInputs.check(scenario) }
        }
    }

    /// Expands `file` into its points and checks every run's scenario.
    public static func make(_ file: SweepFile, library: ScenarioLibrary = .default) throws(ScenarioError) -> SweepPlan {
        let loader = ScenarioLoader(library: library)
        var applied: [String] = []
        var base = try loader.load(path: file.basePath)
        for (override, line) in zip(file.overrides, file.overrideLines) {
            applied.append(override)
            do {
                base = try loader.load(path: file.basePath, overrides: applied)
            } catch {
                throw relocate(error, file: file.path, line: line)
            }
        }
        for axis in file.axes {
            for (value, line) in axis.checkValues {
                do {
                    _ = try loader.load(path: file.basePath, overrides: applied + axis.overrides(value))
                } catch {
                    let atKey = error.kind == .unknownKey || error.kind == .malformedOverride
                    throw relocate(error, file: file.path, line: atKey ? axis.keyLine : line, axis: axis)
                }
            }
        }
        var points: [Point] = []
        for values in pointValues(file) {
            let overrides = zip(file.axes, values).flatMap { $0.overrides($1) }
            do {
                let loaded = try loader.load(path: file.basePath, overrides: applied + overrides)
                points.append(Point(values: values, scenario: loaded.scenario))
            } catch {
                let axis =
                    file.axes.last { axis in axis.keyPaths.contains { error.keyPath?.hasPrefix($0) == true } }
                    ?? file.axes.first
                var relocated = relocate(error, file: file.path, line: axis?.keyLine)
                if case .file(file.path, _) = relocated.location {
                    relocated.message = "with \(overrides.joined(separator: ", ")): \(relocated.message)"
                }
                throw relocated
            }
        }
        let columns = metricColumns(of: points.first?.scenario ?? base.scenario)
        for point in points where metricColumns(of: point.scenario) != columns {
            let axis = zip(file.axes, zip(point.values, points[0].values)).first { $1.0 != $1.1 }?.0
            throw ScenarioError(
                .invalidValue, at: .file(path: file.path, line: axis?.keyLine), keyPath: axis?.name,
                message:
                    "changes the metrics columns (\(columns.count) vs \(metricColumns(of: point.scenario).count)); "
                    + "every run of a sweep must report the same columns")
        }
        let timeseries = file.timeseries.map { "every \($0.every) ticks to \($0.fileName)" } ?? "none"
        var text = """
            program version: \(SimulatorVersion.current)
            sweep seed: \(file.seed)
            replicates: \(file.replicates)
            common random numbers: \(file.commonRandomNumbers)
            sampling: \(file.sampling.name)
            points: \(points.count)
            axes: \(file.axes.map(axisText).joined(separator: " "))
            timeseries: \(timeseries)

            """
        for (index, point) in points.enumerated() {
            text += "point \(index): \(point.values.map(\.toml).joined(separator: " "))\n"
        }
        text += "base scenario, resolved with the sweep's set list:\n" + base.resolvedTOML
        return SweepPlan(
            file: file, points: points, metricColumns: columns, hasDissent: columns.contains(RunPeak.metric),
            resolvedText: text)
    }

    /// An axis in the resolved text: its key path, or its name and linked keys with factors.
    private static func axisText(_ axis: SweepAxis) -> String {
        if axis.keyPaths == [axis.name] { return axis.name }
        let keys = zip(axis.keyPaths, axis.factors).map { "\($0)*\(TOMLFormat.number($1))" }
        return "\(axis.name)=[\(keys.joined(separator: ","))]"
    }

    /// Every point's axis values, in point order.
    private static func pointValues(_ file: SweepFile) -> [[SweepAxis.Value]] {
        switch file.sampling {
        case .grid:
            var points: [[SweepAxis.Value]] = [[]]
            for axis in file.axes {
                let grid = axis.grid ?? []
                points = points.flatMap { point in grid.map { point + [$0] } }
            }
            return points
        case .sobol(let count):
            return SobolSequence.points(count: count, dimensions: file.axes.count).map { point in
                zip(file.axes, point).map { $0.value(at: $1) }
            }
        case .saltelli(let baseCount):
            return SaltelliDesign(baseCount: baseCount, dimensions: file.axes.count).points().map { point in
                zip(file.axes, point).map { $0.value(at: $1) }
            }
        }
    }

    private static func metricColumns(of scenario: Scenario) -> [String] {
        MetricsLayout(scenario: scenario, population: 1).columnNames
    }

    /// `error`, when it concerns a `--set` override, placed at `line` of the sweep file instead.
    static func relocate(_ error: ScenarioError, file: String, line: Int?, axis: SweepAxis? = nil)
        -> ScenarioError
    {
        guard error.location == .override else { return error }
        if error.kind == .malformedOverride, let axis {
            return ScenarioError(
                error.kind, at: .file(path: file, line: line), keyPath: axis.name,
                message: "expected a scenario key path such as surveillance.dissent.coverage or sanctions[0].duration")
        }
        return ScenarioError(
            error.kind, at: .file(path: file, line: line), keyPath: error.keyPath, message: error.message)
    }
}
