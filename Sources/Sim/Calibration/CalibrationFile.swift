import Foundation

/// A calibration file: a base scenario, the population a fit runs at, free parameters with ranges,
/// and sourced targets for output columns.
///
/// ```toml
/// [calibration]
/// base = "blacklist-2019"        # a path (relative to this file) or a shipped scenario
/// population = 100000            # citizens a fit runs at (required)
/// seed = 1
/// samples = 1024                 # draws from the parameters' ranges
/// accept = 0.05                  # share of the draws kept, the closest to the targets
/// set = ["ticks=365"]            # optional: --set overrides applied before the parameters
///
/// [[parameters]]
/// key = "sanctions[0].trigger.score_below"
/// range = { from = 400.0, to = 560.0 }
/// log = false                    # true: draw on a log scale (from > 0)
///
/// [[targets]]
/// column = "sanction_untrustworthy_represented"
/// final = true                   # or tick = 200, or ticks = { from = 1, to = 365 } (their mean)
/// value = 13_000_000
/// tolerance = 1_000_000          # or sd = ...
/// source = "Supreme People's Court: about 13 million listed at the end of 2018"
/// ```
///
/// A TOML file is a calibration file when it has a top-level `[calibration]` table. Loading checks
/// the file's own keys, every parameter's range against the base scenario's rules (both ends
/// applied as `--set` would), and every target's column and ticks against the base scenario at
/// the fit's population; errors name the file, the line and the key.
public struct CalibrationFile: Sendable {
    /// One free parameter: a scenario key path and the range it is searched over.
    public struct Parameter: Sendable, Equatable {
        /// The key path, as `--set` takes it.
        public var keyPath: String
        /// The range's ends, `from < to`.
        public var from: Double
        public var to: Double
        /// Whether the range is searched on a log scale (then `from > 0`).
        public var logScale: Bool
    }

    /// One target: what an output column should be, and how far off still fits.
    public struct Target: Sendable, Equatable {
        /// Which ticks of the column the target is for.
        public enum Ticks: Sendable, Equatable {
            /// The last tick.
            case final
            /// One tick, 1...ticks.
            case tick(Int)
            /// The mean over ticks `from...to`.
            case mean(from: Int, to: Int)
        }

        /// How far an achieved value may be from the target.
        public enum Spread: Sendable, Equatable {
            /// Within ± this (> 0) counts as a fit.
            case tolerance(Double)
            /// The target's standard deviation (> 0).
            case standardDeviation(Double)

            /// The scale distances are measured in: the tolerance or the standard deviation.
            public var scale: Double {
                switch self {
                case .tolerance(let value), .standardDeviation(let value): value
                }
            }
        }

        /// A `timeseries.csv` column of the base scenario.
        public var column: String
        public var ticks: Ticks
        /// The target value, in the column's units.
        public var value: Double
        public var spread: Spread
        /// Where the figure comes from (who counted what, when).
        public var source: String
    }

    /// The calibration file's path, as given.
    public var path: String
    /// `calibration.name`, else the file name without `.toml`.
    public var name: String
    /// The base scenario's file.
    public var basePath: String
    /// Citizens a fit runs at.
    public var population: Int
    /// The calibration's seed.
    public var seed: UInt64
    /// Draws from the parameters' ranges.
    public var samples: Int
    /// Share of the draws kept, in (0, 1].
    public var accept: Double
    /// `--set` overrides applied before the parameters (`population.size` comes last, from ``population``).
    public var overrides: [String]
    public var parameters: [Parameter]
    public var targets: [Target]
    /// The base scenario with the overrides, at the fit's population.
    public var scenario: Scenario

    /// Whether the file at `path` is a calibration file: TOML with a top-level `calibration` table.
    public static func isCalibrationFile(path: String) -> Bool {
        StudyFile.hasTable("calibration", path: path)
    }

    /// Reads and checks the calibration file at `path`; `library` resolves a shipped base scenario.
    public static func load(path: String, library: ScenarioLibrary = .default) throws(ScenarioError)
        -> CalibrationFile
    {
        try load(tomlText: try StudyFile.text(path: path, kind: "calibration"), path: path, library: library)
    }

    /// Reads and checks a calibration file's text, as if read from `path`.
    public static func load(tomlText: String, path: String, library: ScenarioLibrary = .default)
        throws(ScenarioError) -> CalibrationFile
    {
        var top = try TableReader(
            try ScenarioNode.parse(tomlText, source: ScenarioSource(path: path, text: tomlText)), path: [])
        guard var table = try top.table("calibration") else {
            throw ScenarioError(
                .missingKey, at: .file(path: path, line: nil), keyPath: "calibration",
                message: "missing; a calibration file has a [calibration] table (base, population)")
        }
        let name = try StudyFile.name(&table, path: path)
        let basePath = try StudyFile.basePath(&table, path: path, library: library, what: "the scenario to calibrate")
        let populationLine = StudyFile.line(table.written("population"), table.path + ["population"])
        guard let population = try table.integer("population", atLeast: 1) else {
            throw table.missing("population", "the number of citizens a fit runs at, e.g. 100000")
        }
        let seed = try table.integer("seed", atLeast: 0) ?? 1
        let samples = try table.integer("samples", atLeast: 1) ?? 1024
        let accept = try table.number("accept", NumberRange(lower: 0, lowerInclusive: false, upper: 1)) ?? 0.05
        let overrides = try StudyFile.overrides(&table, seedMessage: nil)
        try table.finish()
        var parameters: [(parameter: Parameter, keyLine: Int?, rangeLine: Int?)] = []
        for var reader in try top.tables("parameters") ?? [] {
            let read = try readParameter(&reader)
            if parameters.contains(where: { $0.parameter.keyPath == read.parameter.keyPath }) {
                throw reader.error(
                    .invalidValue, key: "key", "\(TOMLFormat.string(read.parameter.keyPath)) is a parameter twice")
            }
            parameters.append(read)
        }
        guard !parameters.isEmpty else {
            throw ScenarioError(
                .missingKey, at: .file(path: path, line: nil), keyPath: "parameters",
                message: "missing; a calibration needs at least one [[parameters]] table (key, range)")
        }
        var targetReaders = try top.tables("targets") ?? []
        guard !targetReaders.isEmpty else {
            throw ScenarioError(
                .missingKey, at: .file(path: path, line: nil), keyPath: "targets",
                message: "missing; a calibration needs at least one [[targets]] table (column, value, source)")
        }
        try top.finish()

        let loader = ScenarioLoader(library: library)
        var applied: [String] = []
        for (text, line) in overrides + [("population.size=\(population)", populationLine)] {
            applied.append(text)
            do {
                _ = try loader.load(path: basePath, overrides: applied)
            } catch {
                throw SweepPlan.relocate(error, file: path, line: line)
            }
        }
        for (parameter, keyLine, rangeLine) in parameters {
            for end in [parameter.from, parameter.to] {
                do {
                    let value = SweepAxis.Value(real: end).toml
                    _ = try loader.load(path: basePath, overrides: applied + ["\(parameter.keyPath)=\(value)"])
                } catch {
                    let atKey = error.kind == .unknownKey || error.kind == .malformedOverride
                    throw SweepPlan.relocate(error, file: path, line: atKey ? keyLine : rangeLine)
                }
            }
        }
        let scenario = try loader.load(path: basePath, overrides: applied).scenario
        let columns = MetricsLayout(scenario: scenario, population: population).columnNames
        var targets: [Target] = []
        for index in targetReaders.indices {
            targets.append(try readTarget(&targetReaders[index], columns: columns, ticks: scenario.ticks))
        }
        return CalibrationFile(
            path: path, name: name, basePath: basePath, population: population, seed: UInt64(seed), samples: samples,
            accept: accept, overrides: overrides.map(\.text), parameters: parameters.map(\.parameter),
            targets: targets, scenario: scenario)
    }

    /// One `[[parameters]]` table, with the lines of its key and range.
    private static func readParameter(_ table: inout TableReader) throws(ScenarioError) -> (
        parameter: Parameter, keyLine: Int?, rangeLine: Int?
    ) {
        guard let key = try table.string("key") else {
            throw table.missing("key", "the scenario key path to fit, e.g. \"legitimacy.value\"")
        }
        if key.trimmingCharacters(in: .whitespaces) == "seed" {
            throw table.error(.invalidValue, key: "key", "the seed is the calibration's, not a parameter")
        }
        let keyLine = StudyFile.line(table.node("key"), table.path + ["key"])
        guard var range = try table.table("range") else {
            throw table.missing("range", "a free parameter needs range = { from, to }")
        }
        let rangeLine = StudyFile.line(range.node, range.path)
        guard let from = try range.number("from"), let to = try range.number("to") else {
            throw range.missing(range.contains("from") ? "to" : "from", "a range is { from, to }")
        }
        try range.finish()
        guard from < to else {
            throw range.error(
                .invalidValue, key: "to",
                "expected to > from (\(TOMLFormat.number(from))), got \(TOMLFormat.number(to))")
        }
        let logScale = try table.bool("log") ?? false
        if logScale, from <= 0 {
            throw range.error(
                .invalidValue, key: "from", "a log-scaled range needs from > 0, got \(TOMLFormat.number(from))")
        }
        try table.finish()
        return (Parameter(keyPath: key, from: from, to: to, logScale: logScale), keyLine, rangeLine)
    }

    /// One `[[targets]]` table, its column checked against `columns` and its ticks against `ticks`.
    private static func readTarget(_ table: inout TableReader, columns: [String], ticks: Int) throws(ScenarioError)
        -> Target
    {
        guard let column = try table.string("column") else {
            throw table.missing("column", "the timeseries column the target is for, e.g. \"expressed_dissent\"")
        }
        guard columns.contains(column) else {
            var message = "no column \(TOMLFormat.string(column)) in the base scenario's timeseries"
            if let suggestion = TableReader.suggestion(for: column, among: columns) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw table.error(.invalidValue, key: "column", message)
        }
        let final = try table.bool("final")
        let tick = try table.integer("tick", atLeast: 1)
        let range = try table.table("ticks")
        let when: Target.Ticks
        switch (final, tick, range) {
        case (true?, nil, nil): when = .final
        case (nil, let tick?, nil):
            guard tick <= ticks else {
                throw table.error(
                    .outOfRange, key: "tick", "expected a tick in 1...\(ticks) (the run's ticks), got \(tick)")
            }
            when = .tick(tick)
        case (nil, nil, var range?):
            guard let from = try range.integer("from", atLeast: 1), let to = try range.integer("to", atLeast: 1) else {
                throw range.missing(range.contains("from") ? "to" : "from", "a tick range is { from, to }")
            }
            try range.finish()
            guard from <= to, to <= ticks else {
                throw range.error(
                    .outOfRange, key: "to", "expected from <= to <= \(ticks) (the run's ticks), got \(from)...\(to)")
            }
            when = .mean(from: from, to: to)
        default:
            throw table.error(
                .invalidValue, key: "final",
                "a target takes exactly one of final = true, tick = N or ticks = { from, to }")
        }
        guard let value = try table.number("value") else {
            throw table.missing("value", "the target value, in the column's units")
        }
        let tolerance = try table.number("tolerance", .positive)
        let sd = try table.number("sd", .positive)
        let spread: Target.Spread
        switch (tolerance, sd) {
        case (let tolerance?, nil): spread = .tolerance(tolerance)
        case (nil, let sd?): spread = .standardDeviation(sd)
        case (_?, _?): throw table.error(.invalidValue, key: "sd", "a target has either tolerance or sd, not both")
        case (nil, nil): throw table.missing("tolerance", "how far off still fits: tolerance = ... or sd = ...")
        }
        guard let source = try table.string("source"), !source.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw table.missing("source", "where the figure comes from: who counted what, and when")
        }
        try table.finish()
        return Target(column: column, ticks: when, value: value, spread: spread, source: source)
    }
}
