import Foundation

/// `manifest.json`: everything needed to reproduce and check a run.
public struct RunManifest: Codable, Sendable, Equatable {
    /// Program that wrote the run (`simctl`).
    public var program: String
    /// ``SimulatorVersion/current`` of that program.
    public var version: String
    /// Scenario name.
    public var scenario: String
    /// Scenario file the run was loaded from.
    public var scenarioFile: String
    /// `--set` overrides applied on top of it, in order.
    public var overrides: [String]
    /// Seed of all random streams.
    public var seed: UInt64
    /// Worker threads used (outputs do not depend on it).
    public var threads: Int
    /// Citizens per work chunk (fixed; part of the reproducibility contract).
    public var chunkSize: Int
    /// Number of citizens.
    public var population: Int
    /// Ticks simulated.
    public var ticks: Int
    /// When the run started, ISO 8601 UTC.
    public var startedAt: String
    /// Wall-clock seconds from start to outputs written.
    public var wallSeconds: Double
    /// What the graph builder made.
    public var graph: GraphReport
    /// SHA-256 (lowercase hex) of each output file, by file name.
    public var outputs: [String: String]
    /// The fully resolved scenario as TOML: `extends`, overrides and defaults applied.
    public var resolvedScenario: String

    /// Pretty-printed JSON with sorted snake_case keys.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try encoder.encode(self)
        data.append(contentsOf: Array("\n".utf8))
        return data
    }
}
