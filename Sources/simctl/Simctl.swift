import ArgumentParser
import Sim

/// The `simctl` command line: a thin layer over the Sim library.
@main
struct Simctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simctl",
        abstract: "Simulate a society under a social-credit scoring regime.",
        discussion: """
            Scenarios are TOML files; shipped ones (see `simctl scenarios`) can be named without a \
            path. A run writes timeseries.csv, summary.csv and manifest.json into its output folder.

            Start with:
              simctl run baseline --population 10000 --ticks 100
            """,
        version: SimulatorVersion.current,
        subcommands: [Run.self, Sweep.self, Merge.self, Verify.self, Validate.self, Scenarios.self, Bench.self]
    )
}
