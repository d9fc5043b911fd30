import ArgumentParser
import Foundation
import Sim

extension Simctl {
    /// `simctl run`: one scenario, one seed, outputs in one folder.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario and write its outputs.",
            discussion: """
                SCENARIO is a path to a .toml file or the name of a shipped scenario. Outputs go to \
                --out (default results/NAME-seedSEED): timeseries.csv (a row per tick), summary.csv \
                (one row) and manifest.json (resolved scenario, seed, hashes). The same scenario and \
                seed give byte-identical CSV files whatever --threads is.
                """)

        @Argument(help: "Scenario file or shipped scenario name.")
        var scenario: String

        @Option(help: "Seed of every random stream (overrides the scenario's `seed`).")
        var seed: UInt64?

        @Option(help: "Number of citizens (overrides `population.size`).")
        var population: Int?

        @Option(help: "Number of ticks (overrides `ticks`).")
        var ticks: Int?

        @Option(help: "Maximum worker threads (default: all cores). Does not change outputs.")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Output folder (default: results/NAME-seedSEED).")
        var out: String?

        @Option(
            name: .customLong("set"),
            help: ArgumentHelp(
                "Override a scenario key, e.g. --set legitimacy.value=0.4 (repeatable).", valueName: "key.path=value"))
        var overrides: [String] = []

        @Flag(help: "No progress output.")
        var quiet = false

        func validate() throws {
            guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        }

        func run() throws {
            let allOverrides =
                overrides
                + [seed.map { "seed=\($0)" }, population.map { "population.size=\($0)" }, ticks.map { "ticks=\($0)" }]
                .compactMap { $0 }
            try reportingErrors {
                let loaded = try ScenarioLoader().load(path: scenario, overrides: allOverrides)
                let folder = out ?? "results/\(loaded.scenario.name)-seed\(loaded.scenario.seed)"
                let progress = ProgressDisplay(enabled: !quiet)
                let manifest = try Runner.run(
                    RunRequest(loaded: loaded, overrides: allOverrides, outputFolder: folder, threads: threads),
                    progress: progress.update)
                progress.finish()
                if !quiet {
                    FileHandle.standardError.write(
                        "simctl: \(manifest.population) citizens, \(manifest.ticks) ticks in \(manifest.wallSeconds) s -> \(folder)\n"
                    )
                }
            }
        }
    }
}
