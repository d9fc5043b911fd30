import Crypto
import Foundation

/// Runs a scenario end to end: inputs, graph, population, ticks, outputs.
public enum Runner {
    /// Stages of a run, reported to the progress callback.
    public enum Stage: Sendable {
        /// Building the population and graph.
        case preparing
        /// `tick` of `ticks` done.
        case ticking(tick: Int, ticks: Int)
    }

    /// Performs `request`, writing its outputs whole or not at all; returns the manifest.
    public static func run(
        _ request: RunRequest, progress: (Stage) -> Void = { _ in }
    ) throws -> RunManifest {
        let start = Date()
        let folder = try OutputFolder.open(path: request.outputFolder)
        do {
            progress(.preparing)
            let ticks = request.loaded.scenario.ticks
            let (world, simulation, rows) = try simulate(request.loaded.scenario, threads: request.threads) {
                progress(.ticking(tick: $0, ticks: ticks))
            }
            let layout = simulation.layout
            var timeseries = CSVTable(header: layout.columnNames)
            for row in rows { timeseries.append(layout.row(row)) }
            let files = [
                (RunFiles.timeseries, timeseries.data),
                (
                    RunFiles.summary,
                    RunSummary.table(scenario: simulation.scenario, graph: world.report, rows: rows).data
                ),
            ]
            var hashes: [String: String] = [:]
            for (name, data) in files {
                try folder.write(name, data)
                hashes[name] = sha256(data)
            }
            let manifest = RunManifest(
                program: "simctl", version: SimulatorVersion.current, scenario: request.loaded.scenario.name,
                scenarioFile: request.loaded.sourcePath, overrides: request.overrides,
                seed: request.loaded.scenario.seed, threads: request.threads,
                chunkSize: ChunkedParallel.defaultChunkSize, population: world.population.count, ticks: ticks,
                startedAt: ISO8601DateFormatter().string(from: start),
                wallSeconds: (Date().timeIntervalSince(start) * 1000).rounded() / 1000, graph: world.report,
                outputs: hashes, resolvedScenario: request.loaded.resolvedTOML)
            try folder.write(RunFiles.manifest, try manifest.encoded())
            try folder.commit()
            return manifest
        } catch {
            folder.discard()
            throw error
        }
    }

    /// Builds `scenario`'s world and simulates all its ticks with up to `threads` workers, calling
    /// `progress` after each tick; returns the world, the simulation and every tick's metrics.
    /// `simctl run` and every run of a sweep go through here, so both give the same rows.
    public static func simulate(
        _ scenario: Scenario, threads: Int, progress: (_ tick: Int) -> Void = { _ in }
    ) throws -> (world: World, simulation: Simulation, rows: [TickMetrics]) {
        let world = try World.build(scenario, threads: threads)
        let simulation = Simulation(
            scenario: scenario, population: world.population, graph: world.graph, threads: threads)
        return (world, simulation, simulation.run(progress: progress))
    }

    /// Lowercase hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
