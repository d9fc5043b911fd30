import Foundation

/// A sweep file: a base scenario, fixed overrides, axes, replicates, a sweep seed, a sampling and
/// what to write besides `sweep.csv`.
///
/// ```toml
/// [sweep]
/// base = "crackdown"                 # a path (relative to this file) or a shipped scenario
/// seed = 1                           # the sweep seed; each run's seed comes from it (SweepSeed)
/// replicates = 3
/// sampling = "grid"                  # grid | sobol | saltelli
/// count = 64                         # sobol: number of points; saltelli: base points (a power of two)
/// common_random_numbers = true       # replicate r has the same seed at every point
/// timeseries = true                  # also write every run's ticks to sweep-timeseries.csv
/// timeseries_every = 10              # every 10th tick
/// compress = "gzip"                  # sweep-timeseries.csv.gz
/// set = ["population.size=5000"]     # optional: --set overrides applied to every run
///
/// [[axes]]
/// key = "surveillance.dissent.coverage"
/// range = { from = 0.0, to = 0.9, steps = 10 }
///
/// [[axes]]
/// keys = ["surveillance.street.cameras_per_capita", "surveillance.traffic.cameras_per_capita"]
/// factors = [1.0, 0.5]
/// name = "cameras"
/// values = [0.1, 0.4]
/// ```
///
/// A TOML file is a sweep file when it has a top-level `[sweep]` table. Reading the file checks its
/// own keys; ``SweepPlan`` checks every axis key path and value against the base scenario.
public struct SweepFile: Sendable {
    /// How the runs' points are chosen.
    public enum Sampling: Sendable, Equatable {
        /// Every combination of the axes' values (the Cartesian product), first axis slowest.
        case grid
        /// The first `count` points of GSL's Sobol sequence, one coordinate per axis.
        case sobol(count: Int)
        /// Saltelli's design for Sobol sensitivity indices on `baseCount` base points
        /// (``SaltelliDesign``): `baseCount · (axes + 2)` points.
        case saltelli(baseCount: Int)

        /// The name written in the sweep file.
        public var name: String {
            switch self {
            case .grid: "grid"
            case .sobol: "sobol"
            case .saltelli: "saltelli"
            }
        }
    }

    /// Raw values of `sampling`.
    enum SamplingName: String, CaseIterable {
        case grid
        case sobol
        case saltelli
    }

    /// How `sweep-timeseries.csv` is written.
    public struct Timeseries: Sendable, Equatable {
        /// Ticks whose number is a multiple of `every` are written (≥ 1).
        public var every: Int
        /// Whether the file is gzip-compressed (`sweep-timeseries.csv.gz`).
        public var gzip: Bool

        /// The file's name in the sweep folder.
        public var fileName: String { gzip ? "sweep-timeseries.csv.gz" : "sweep-timeseries.csv" }
    }

    /// Raw values of `compress`.
    enum Compression: String, CaseIterable {
        case none
        case gzip
    }

    /// The sweep file's path, as given.
    public var path: String
    /// The sweep's name: `sweep.name`, else the file name without `.toml`.
    public var name: String
    /// The base scenario's file.
    public var basePath: String
    /// The sweep seed.
    public var seed: UInt64
    /// Runs per point (≥ 1).
    public var replicates: Int
    /// How points are chosen.
    public var sampling: Sampling
    /// Whether replicate r has the same seed at every point (``SweepSeed``), so that points differ
    /// by their parameters and not by seed noise. Under Saltelli sampling the runs of one base
    /// point share their seeds instead.
    public var commonRandomNumbers: Bool
    /// Whether and how every run's ticks are written to `sweep-timeseries.csv`; nil for not.
    public var timeseries: Timeseries?
    /// `key.path=value` overrides applied to every run before the axes.
    public var overrides: [String]
    /// The axes, in file order.
    public var axes: [SweepAxis]
    /// Line of each override in the file.
    let overrideLines: [Int?]

    /// Most axes a Sobol sweep may have (GSL's Sobol generator's limit).
    public static let maximumSobolAxes = SobolSequence.maximumDimensions

    /// Most axes a Saltelli sweep may have: its design takes two Sobol coordinates per axis.
    public static let maximumSaltelliAxes = SaltelliDesign.maximumDimensions

    /// Most points a Sobol sweep may have (GSL's Sobol generator gives 2³⁰ − 1).
    public static let maximumSobolCount = (1 << 30) - 1

    /// Whether the file at `path` is a sweep file: TOML with a top-level `sweep` table.
    public static func isSweepFile(path: String) -> Bool {
        StudyFile.hasTable("sweep", path: path)
    }

    /// Reads and checks the sweep file at `path`; `library` resolves a shipped base scenario.
    public static func load(path: String, library: ScenarioLibrary = .default) throws(ScenarioError) -> SweepFile {
        try load(tomlText: try StudyFile.text(path: path, kind: "sweep"), path: path, library: library)
    }

    /// Reads and checks a sweep file's text, as if read from `path` (which names it in errors and is
    /// the base of a relative `base`).
    public static func load(tomlText: String, path: String, library: ScenarioLibrary = .default)
        throws(ScenarioError) -> SweepFile
    {
        let source = ScenarioSource(path: path, text: tomlText)
        var top = try TableReader(try ScenarioNode.parse(tomlText, source: source), path: [])
        guard var sweep = try top.table("sweep") else {
            throw ScenarioError(
                .missingKey, at: .file(path: path, line: nil), keyPath: "sweep",
                message: "missing; a sweep file has a [sweep] table (base, seed, replicates, sampling)")
        }
        let name = try StudyFile.name(&sweep, path: path)
        let basePath = try StudyFile.basePath(
            &sweep, path: path, library: library, what: "the scenario to sweep")
        let seed = try sweep.integer("seed", atLeast: 0) ?? 1
        let replicates = try sweep.integer("replicates", atLeast: 1) ?? 1
        let samplingName = try sweep.choice("sampling", of: SamplingName.self) ?? .grid
        let count = try sweep.integer("count", atLeast: 1)
        let sampling: Sampling
        switch (samplingName, count) {
        case (.grid, nil): sampling = .grid
        case (.grid, _?): throw sweep.error(.invalidValue, key: "count", "only sobol sampling takes a count")
        case (.sobol, let count?) where count > maximumSobolCount:
            throw sweep.error(.outOfRange, key: "count", "expected at most \(maximumSobolCount) points, got \(count)")
        case (.sobol, let count?): sampling = .sobol(count: count)
        case (.sobol, nil): throw sweep.missing("count", "sobol sampling needs the number of points")
        case (.saltelli, let count?) where count < 2 || count & (count - 1) != 0 || count > maximumSobolCount:
            throw sweep.error(
                .invalidValue, key: "count",
                "saltelli sampling needs a power of two >= 2 base points (Sobol points balance at powers of two), got \(count)"
            )
        case (.saltelli, let count?): sampling = .saltelli(baseCount: count)
        case (.saltelli, nil): throw sweep.missing("count", "saltelli sampling needs the number of base points")
        }
        let commonRandomNumbers = try sweep.bool("common_random_numbers") ?? samplingIsSaltelli(sampling)
        let timeseries = try readTimeseries(&sweep)
        let overrides = try StudyFile.overrides(&sweep, seedMessage: Self.seedMessage)
        try sweep.finish()
        var axes: [SweepAxis] = []
        for var table in try top.tables("axes") ?? [] {
            let axis = try readAxis(&table, sampling: sampling)
            let keyName = table.contains("keys") ? "keys" : "key"
            if let twice = axis.keyPaths.first(where: { key in axes.contains { $0.keyPaths.contains(key) } }) {
                throw table.error(.invalidValue, key: keyName, "\(TOMLFormat.string(twice)) is swept twice")
            }
            if axes.contains(where: { $0.name == axis.name }) {
                throw table.error(.invalidValue, key: "name", "two axes are named \(TOMLFormat.string(axis.name))")
            }
            axes.append(axis)
        }
        try top.finish()
        let axesLimit: Int? =
            switch sampling {
            case .grid: nil
            case .sobol: maximumSobolAxes
            case .saltelli: maximumSaltelliAxes
            }
        if let axesLimit, !(1...axesLimit).contains(axes.count) {
            throw ScenarioError(
                .invalidValue, at: .file(path: path, line: nil), keyPath: "axes",
                message: "\(sampling.name) sampling needs 1 to \(axesLimit) axes, got \(axes.count)")
        }
        if case .saltelli = sampling, let axis = axes.first(where: { $0.range == nil }) {
            throw ScenarioError(
                .invalidValue, at: .file(path: path, line: axis.keyLine), keyPath: axis.name,
                message: "saltelli sampling needs range = { from, to } on every axis, not a list of values")
        }
        return SweepFile(
            path: path, name: name, basePath: basePath, seed: UInt64(seed), replicates: replicates,
            sampling: sampling, commonRandomNumbers: commonRandomNumbers, timeseries: timeseries,
            overrides: overrides.map(\.text), axes: axes, overrideLines: overrides.map(\.line))
    }

    private static func samplingIsSaltelli(_ sampling: Sampling) -> Bool {
        if case .saltelli = sampling { return true }
        return false
    }

    /// `timeseries`, `timeseries_every` and `compress` of the `[sweep]` table.
    private static func readTimeseries(_ sweep: inout TableReader) throws(ScenarioError) -> Timeseries? {
        let wanted = try sweep.bool("timeseries") ?? false
        let every = try sweep.integer("timeseries_every", atLeast: 1)
        let compression = try sweep.choice("compress", of: Compression.self)
        guard wanted else {
            for key in ["timeseries_every", "compress"] where sweep.contains(key) {
                throw sweep.error(.invalidValue, key: key, "only with timeseries = true")
            }
            return nil
        }
        return Timeseries(every: every ?? 1, gzip: compression == .gzip)
    }

    private static let seedMessage = "each run's seed comes from the sweep's seed; use sweep.seed and replicates"

    /// One `[[axes]]` table.
    private static func readAxis(_ table: inout TableReader, sampling: Sampling) throws(ScenarioError) -> SweepAxis {
        let keyPaths: [String]
        let keyName: String
        switch (try table.string("key"), table.node("keys")) {
        case (let key?, nil):
            keyPaths = [key]
            keyName = "key"
        case (nil, let node?):
            keyName = "keys"
            var keys: [String] = []
            for (index, element) in try TableReader.array(node, at: table.path + ["keys"]).enumerated() {
                guard case .string(let key) = element.value else {
                    throw element.error(
                        .wrongType, at: table.path + ["keys", "[\(index)]"],
                        "expected a scenario key path, got \(element.summary)")
                }
                keys.append(key)
            }
            guard keys.count >= 2 else {
                throw node.error(
                    .invalidValue, at: table.path + ["keys"],
                    "expected at least two linked key paths, got \(keys.count) (use key = \"...\" for one)")
            }
            keyPaths = keys
        case (_?, _?):
            throw table.error(.invalidValue, key: "keys", "an axis has either key or keys, not both")
        case (nil, nil):
            throw table.missing("key", "the scenario key path to sweep, e.g. \"legitimacy.value\"")
        }
        let keyLine = StudyFile.line(table.node(keyName), table.path + [keyName])
        if keyPaths.contains(where: { $0.trimmingCharacters(in: .whitespaces) == "seed" }) {
            throw table.error(.invalidValue, key: keyName, seedMessage)
        }
        if Set(keyPaths).count < keyPaths.count {
            throw table.error(.invalidValue, key: keyName, "a key path is linked to itself")
        }
        let factors: [Double]
        if let given = try table.numbers("factors") {
            guard keyName == "keys" else {
                throw table.error(.invalidValue, key: "factors", "factors go with linked keys = [...]")
            }
            guard given.count == keyPaths.count else {
                throw table.error(
                    .invalidValue, key: "factors",
                    "expected one factor per linked key (\(keyPaths.count)), got \(given.count)")
            }
            guard given.allSatisfy({ $0.isFinite && $0 != 0 }) else {
                throw table.error(.invalidValue, key: "factors", "expected finite, non-zero factors")
            }
            factors = given
        } else {
            factors = Array(repeating: 1, count: keyPaths.count)
        }
        let name = try table.string("name") ?? keyPaths.joined(separator: "+")
        guard !name.isEmpty, !name.contains(where: \.isNewline) else {
            throw table.error(.invalidValue, key: "name", "expected a one-line, non-empty column name")
        }
        let values = table.node("values")
        let range = try table.table("range")
        try table.finish()
        let levels: SweepAxis.Levels
        var lines: [Int?] = []
        switch (values, range) {
        case (let node?, nil):
            let path = table.path + ["values"]
            var parsed: [SweepAxis.Value] = []
            for (index, element) in try TableReader.array(node, at: path).enumerated() {
                let elementPath = path + ["[\(index)]"]
                guard let value = SweepAxis.Value(element) else {
                    throw element.error(
                        .wrongType, at: elementPath, "expected a scenario value, got \(element.summary)")
                }
                guard !value.cell.contains(where: \.isNewline) else {
                    throw element.error(
                        .invalidValue, at: elementPath, "a value with a line break cannot be a sweep.csv cell")
                }
                if factors.contains(where: { $0 != 1 }), value.number == nil {
                    throw element.error(
                        .wrongType, at: elementPath, "linked keys with factors take numbers, got \(element.summary)")
                }
                parsed.append(value)
                lines.append(StudyFile.line(element, elementPath))
            }
            guard !parsed.isEmpty else {
                throw node.error(.invalidValue, at: path, "expected at least one value, got an empty list")
            }
            levels = .values(parsed)
        case (nil, var range?):
            guard let fromNode = range.node("from"), let toNode = range.node("to") else {
                throw range.missing(range.contains("from") ? "to" : "from", "a range is { from, to, steps }")
            }
            let from = try TableReader.number(fromNode, at: range.path + ["from"], .any)
            let to = try TableReader.number(toNode, at: range.path + ["to"], .any)
            let steps = try range.integer("steps", atLeast: 1)
            if steps == nil, sampling == .grid {
                throw range.missing("steps", "a range under grid sampling needs the number of values from..to")
            }
            try range.finish()
            let integers: Bool
            if case .integer = fromNode.value, case .integer = toNode.value {
                integers = true
            } else {
                integers = false
            }
            levels = .range(from: from, to: to, steps: steps, integers: integers)
            lines = [StudyFile.line(range.node, range.path)]
        case (_?, _?):
            throw table.error(.invalidValue, key: "range", "an axis has either values or a range, not both")
        case (nil, nil):
            throw table.missing("values", "an axis needs values = [...] or range = { from, to, steps }")
        }
        return SweepAxis(
            name: name, keyPaths: keyPaths, factors: factors, levels: levels, keyLine: keyLine, valueLines: lines)
    }

}
