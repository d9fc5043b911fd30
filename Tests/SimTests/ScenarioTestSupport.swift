import Foundation

@testable import Sim

// Helpers shared by the scenario loader's test suites.

/// A fresh folder of scenario files for one test.
struct ScenarioFolder {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("scenario-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// A loader that knows no shipped scenarios.
let loader = ScenarioLoader(library: ScenarioLibrary(folder: nil))

/// The one-line message `body` fails with, or nil when it succeeds.
func failure(_ body: () throws(ScenarioError) -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return error.description
    }
}

/// The message loading `text` as `x.toml` fails with.
func failure(_ text: String, overrides: [String] = []) -> String? {
    failure { () throws(ScenarioError) in _ = try loader.load(tomlText: text, path: "x.toml", overrides: overrides) }
}

/// The scenario `text` loads to, as `x.toml`.
func load(_ text: String, overrides: [String] = []) throws -> Scenario {
    try loader.load(tomlText: text, path: "x.toml", overrides: overrides).scenario
}
