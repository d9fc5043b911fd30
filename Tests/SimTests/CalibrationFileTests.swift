import Foundation
import Testing

@testable import Sim

/// Calibration files: what they hold, and one-line errors naming the file, line and key.
@Suite struct CalibrationFileTests {
    static let valid = """
        [calibration]
        base = "base"
        population = 300
        seed = 4
        samples = 256
        accept = 0.1
        set = ["ticks=8"]

        [[parameters]]
        key = "legitimacy.value"
        range = { from = 0.3, to = 0.9 }

        [[parameters]]
        key = "dissent.deterrence"
        range = { from = 0.5, to = 8.0 }
        log = true

        [[targets]]
        column = "expressed_dissent"
        ticks = { from = 2, to = 8 }
        value = 0.01
        sd = 0.002
        source = "a survey, 2019"

        [[targets]]
        column = "private_opposition"
        final = true
        value = 0.05
        tolerance = 0.01
        source = "another survey, 2020"
        """

    /// The calibration `text` (as `calibration.toml` beside a small base scenario), or the error it
    /// fails with, with the folder's path replaced by `DIR`.
    static func load(_ text: String) throws -> (file: CalibrationFile?, error: String?) {
        let folder = try SweepPlanTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let path = try folder.write("calibration.toml", text)
        do {
            return (try CalibrationFile.load(path: path, library: ScenarioLibrary(folder: nil)), nil)
        } catch {
            return (nil, error.description.replacingOccurrences(of: folder.path, with: "DIR"))
        }
    }

    static func failure(_ text: String) throws -> String? {
        try load(text).error
    }

    @Test func aValidFileHoldsItsParametersTargetsAndFitScenario() throws {
        let loaded = try Self.load(Self.valid)
        #expect(loaded.error == nil)
        let file = try #require(loaded.file)
        #expect(file.name == "calibration" && file.population == 300 && file.seed == 4)
        #expect(file.samples == 256 && file.accept == 0.1 && file.overrides == ["ticks=8"])
        #expect(file.scenario.population.size == 300 && file.scenario.ticks == 8)
        let parameters: [CalibrationFile.Parameter] = [
            .init(keyPath: "legitimacy.value", from: 0.3, to: 0.9, logScale: false),
            .init(keyPath: "dissent.deterrence", from: 0.5, to: 8, logScale: true),
        ]
        #expect(file.parameters == parameters)
        let ticks: [CalibrationFile.Target.Ticks] = [.mean(from: 2, to: 8), .final]
        let spreads: [CalibrationFile.Target.Spread] = [.standardDeviation(0.002), .tolerance(0.01)]
        #expect(file.targets.map(\.ticks) == ticks)
        #expect(file.targets.map(\.spread) == spreads)
        #expect(file.targets[1].source == "another survey, 2020")
    }

    @Test func badTargetsAndParametersAreOneLineAtTheirKey() throws {
        let cases: [(String, String, String)] = [
            (
                "column = \"expressed_dissent\"", "column = \"expresed_dissent\"",
                "DIR/calibration.toml:19: targets[0].column: no column \"expresed_dissent\" in the base scenario's timeseries; did you mean 'expressed_dissent'?"
            ),
            (
                "ticks = { from = 2, to = 8 }", "tick = 9",
                "DIR/calibration.toml:20: targets[0].tick: expected a tick in 1...8 (the run's ticks), got 9"
            ),
            (
                "range = { from = 0.3, to = 0.9 }", "range = { from = 0.3, to = 1.5 }",
                "DIR/calibration.toml:11: legitimacy.value: expected a number in [0, 1], got 1.5"
            ),
            (
                "key = \"legitimacy.value\"\nrange = { from = 0.3, to = 0.9 }", "key = \"legitimacy.value\"",
                "DIR/calibration.toml:9: parameters[0].range: missing; a free parameter needs range = { from, to }"
            ),
            (
                "key = \"legitimacy.value\"", "key = \"legitimacy.valeu\"",
                "DIR/calibration.toml:10: legitimacy.valeu: unknown key; did you mean 'value'?"
            ),
            (
                "range = { from = 0.5, to = 8.0 }", "range = { from = 0.0, to = 8.0 }",
                "DIR/calibration.toml:15: parameters[1].range.from: a log-scaled range needs from > 0, got 0"
            ),
            (
                "sd = 0.002", "sd = 0.002\ntolerance = 0.001",
                "DIR/calibration.toml:22: targets[0].sd: a target has either tolerance or sd, not both"
            ),
            (
                "source = \"a survey, 2019\"", "",
                "DIR/calibration.toml:18: targets[0].source: missing; where the figure comes from: who counted what, and when"
            ),
            (
                "population = 300", "",
                "DIR/calibration.toml:1: calibration.population: missing; the number of citizens a fit runs at, e.g. 100000"
            ),
        ]
        for (original, replacement, expected) in cases {
            let text = Self.valid.replacingOccurrences(of: original, with: replacement)
            #expect(text != Self.valid, "\(original) is in the valid file")
            let message = try Self.failure(text)
            #expect(message == expected)
        }
    }
}
