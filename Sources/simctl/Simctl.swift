import ArgumentParser
import Foundation
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
        subcommands: [
            Run.self, Sweep.self, Merge.self, Stats.self, Verify.self, Validate.self, Scenarios.self, Bench.self,
        ]
    )

    /// Parses and runs the command. Help and version print as usual; a usage error (unknown
    /// option, missing argument, invalid value) is, like every other error of simctl, one line
    /// `simctl: error: ...` on stderr, here with exit status 64 and the `--help` to read.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            let named = CommandLine.arguments.dropFirst().first
            let subcommand = configuration.subcommands.contains { $0._commandName == named } ? named : nil
            let help = ["simctl", subcommand, "--help"].compactMap { $0 }.joined(separator: " ")
            FileHandle.standardError.write("simctl: error: \(message) (see '\(help)')\n")
            Foundation.exit(code.rawValue)
        }
    }
}
