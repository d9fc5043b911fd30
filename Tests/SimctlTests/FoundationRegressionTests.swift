import Foundation
import Testing

/// Pinned outputs of the foundation's dissent model (program 0.2.0, seed 3, 3,000 citizens, 40
/// ticks). Later mechanisms, switched off, must leave every pinned column byte for byte as it was.
@Suite("Foundation regression")
struct FoundationRegressionTests {
    /// Cells of `csv` by column name, row by row.
    static func columns(_ csv: String) -> [String: [Substring]] {
        let lines = csv.split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        var columns: [String: [Substring]] = [:]
        for line in lines.dropFirst() {
            for (name, cell) in zip(header, line.split(separator: ",", omittingEmptySubsequences: false)) {
                columns[String(name), default: []].append(cell)
            }
        }
        return columns
    }

    @Test("pinned timeseries columns are unchanged", arguments: ["baseline", "crackdown"])
    func pinnedColumns(scenario: String) throws {
        let fixture = SimctlProcess.packageRoot.appendingPathComponent(
            "Tests/SimctlTests/Fixtures/foundation-\(scenario)-timeseries.csv")
        let expected = Self.columns(try String(contentsOf: fixture, encoding: .utf8))
        let folder = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SimctlProcess.run([
            "run", scenario, "--population", "3000", "--ticks", "40", "--seed", "3", "--out", folder.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let actual = Self.columns(
            try String(contentsOf: folder.appendingPathComponent("timeseries.csv"), encoding: .utf8))
        #expect(expected.count == 17)
        for (name, cells) in expected {
            #expect(actual[name] == cells, "column \(name)")
        }
    }
}
