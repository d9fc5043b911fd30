import ArgumentParser
import Foundation
import Sim

extension Simctl {
    /// `simctl validate`: check a scenario file without running it.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario file (keys, types, ranges, referenced files) without running it.")

        @Argument(help: "Scenario file or shipped scenario name.")
        var file: String

        @Option(
            name: .customLong("set"),
            help: ArgumentHelp("Override a scenario key (repeatable).", valueName: "key.path=value"))
        var overrides: [String] = []

        func run() throws {
            try reportingErrors {
                let loaded = try ScenarioLoader().load(path: file, overrides: overrides)
                try ScenarioInputs.check(loaded.scenario)
                print("\(loaded.sourcePath): ok (scenario '\(loaded.scenario.name)', \(loaded.scenario.ticks) ticks)")
            }
        }
    }
}
