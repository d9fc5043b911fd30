import Foundation
import Testing

/// Pinned outputs of the whole model with every regime mechanism on, finite policing and trips
/// included (program 0.2.0; re-pinned once for model 0.2: the expected cost of dissent, private
/// opposition, trips, perks that act, policing, portable arithmetic). Any change that moves a
/// single byte of a run with everything on must be deliberate: re-pin the fixtures and say why.
@Suite("Regime regression")
struct RegimeRegressionTests {
    @Test("every mechanism on: timeseries.csv and summary.csv are byte for byte the pinned ones")
    func pinnedOutputs() throws {
        let fixtures = SimctlProcess.packageRoot.appendingPathComponent("Tests/SimctlTests/Fixtures")
        let folder = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SimctlProcess.run([
            "run", fixtures.appendingPathComponent("regime-everything.toml").path, "--threads", "2", "--out",
            folder.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        for file in ["timeseries", "summary"] {
            let expected = try Data(contentsOf: fixtures.appendingPathComponent("regime-everything-\(file).csv"))
            let actual = try Data(contentsOf: folder.appendingPathComponent("\(file).csv"))
            #expect(actual == expected, "\(file).csv differs from the pinned fixture")
        }
    }
}
