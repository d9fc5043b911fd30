import ArgumentParser
import Foundation
import Sim

extension Simctl {
    /// `simctl validate`: check a scenario file without running it.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check a scenario, sweep or calibration file (keys, types, ranges, referenced files) without running it.",
            discussion: """
                A file with a top-level [sweep] table is a sweep file: every run's scenario is loaded \
                and checked, and the number of runs is printed. A file with a top-level [calibration] \
                table is a calibration file: both ends of every parameter's range and every target's \
                column and ticks are checked against the base scenario.
                """)

        @Argument(help: "Scenario file, shipped scenario name, sweep file or calibration file.")
        var file: String

        @Option(
            name: .customLong("set"),
            help: ArgumentHelp("Override a scenario key (repeatable).", valueName: "key.path=value"))
        var overrides: [String] = []

        func run() throws {
            try reportingErrors {
                if SweepFile.isSweepFile(path: file) {
                    guard overrides.isEmpty else { throw CommandError("--set applies to scenarios, not sweep files") }
                    let plan = try SweepPlan.make(try SweepFile.load(path: file))
                    try plan.checkInputs()
                    print(
                        "\(file): ok (sweep '\(plan.file.name)' of \(plan.runCount) runs: \(plan.points.count) points "
                            + "x \(plan.file.replicates) replicates over \(plan.file.axes.count) axes, "
                            + "\(plan.file.sampling.name) sampling"
                            + (plan.file.commonRandomNumbers ? ", common random numbers)" : ")"))
                    return
                }
                if CalibrationFile.isCalibrationFile(path: file) {
                    guard overrides.isEmpty else {
                        throw CommandError("--set applies to scenarios, not calibration files")
                    }
                    let calibration = try CalibrationFile.load(path: file)
                    try ScenarioInputs.check(calibration.scenario)
                    print(
                        "\(file): ok (calibration '\(calibration.name)' of \(calibration.parameters.count) "
                            + "parameter(s) against \(calibration.targets.count) target(s) at "
                            + "\(calibration.population) citizens)")
                    return
                }
                let loaded = try ScenarioLoader().load(path: file, overrides: overrides)
                try ScenarioInputs.check(loaded.scenario)
                print("\(loaded.sourcePath): ok (scenario '\(loaded.scenario.name)', \(loaded.scenario.ticks) ticks)")
            }
        }
    }
}
