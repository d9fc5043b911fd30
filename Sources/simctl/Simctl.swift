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
        subcommands: [Run.self, Sweep.self, Merge.self, Verify.self, Validate.self, Scenarios.self, Bench.self]
    )

    /// Parses and runs the command. Help and version print as usual; a usage error (unknown
    /// option, missing argument, invalid value) is one line `simctl: error: ...` on stderr and
    /// exit status 64, like every other error of simctl.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            let subcommand = CommandLine.arguments.dropFirst().first.flatMap { name in
                configuration.subcommands.first { $0._commandName == name }.map { _ in name }
            }
            let help = ["simctl", subcommand, "--help"].compactMap { $0 }.joined(separator: " ")
            FileHandle.standardError.write("simctl: error: \(message) (see '\(help)')\n")
            Foundation.exit(code.rawValue)
        }
    }
}
