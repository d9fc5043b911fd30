import Foundation
import Testing

/// `simctl verify`, end to end: an untouched run verifies; a changed byte, a missing or corrupt
/// manifest do not; no temporary files are left behind.
@Suite("simctl verify, end to end")
struct VerifyTests {
    /// A fresh run of 2,000 citizens for 20 ticks in `folder`/run.
    static func run(in folder: URL) throws -> URL {
        let run = folder.appendingPathComponent("run")
        let result = try SimctlProcess.run([
            "run", "crackdown", "--population", "2000", "--ticks", "20", "--seed", "5", "--out", run.path, "--quiet",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        return run
    }

    /// Runs `simctl verify` on `run` with a fresh TMPDIR, which must be empty afterwards.
    static func verify(_ run: URL, in folder: URL) throws -> (status: Int32, standardError: String, lines: [String]) {
        let temporary = folder.appendingPathComponent("tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let process = try SimctlBackground(
            ["verify", run.path, "--threads", "2"], environment: ["TMPDIR": temporary.path])
        let (status, standardError) = process.wait()
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty, "temporary files left")
        return (status, standardError, standardError.split(separator: "\n").map(String.init))
    }

    @Test("an untouched run verifies with exit 0 and one line")
    func untouched() throws {
        let folder = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(in: folder)
        let result = try SimctlProcess.run(["verify", run.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput == "\(run.path): ok, summary.csv and timeseries.csv reproduce byte for byte\n")
        #expect(try Self.verify(run, in: folder).status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: run.path).sorted() == [
                "manifest.json", "summary.csv", "timeseries.csv",
            ])
    }

    @Test("one changed byte in timeseries.csv is caught, naming the file and its line")
    func changedByte() throws {
        let folder = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(in: folder)
        let timeseries = run.appendingPathComponent("timeseries.csv")
        var data = try Data(contentsOf: timeseries)
        let lines = data.indices.filter { data[$0] == UInt8(ascii: "\n") }
        // The last character of line 8 (before its \n), a digit, becomes another digit.
        let index = lines[7] - 1
        data[index] = data[index] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        try data.write(to: timeseries)
        let result = try Self.verify(run, in: folder)
        #expect(result.status != 0)
        #expect(result.lines.count == 1, "stderr was: \(result.standardError)")
        #expect(result.lines.first?.hasPrefix("simctl: error: \(timeseries.path):8: differs from the re-run") == true)
        #expect(result.standardError.contains("the file was changed after the run"))
    }

    @Test("a missing or corrupt manifest gets one clear line")
    func badManifest() throws {
        let folder = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(in: folder)
        let manifest = run.appendingPathComponent("manifest.json")
        let original = try Data(contentsOf: manifest)
        try Data(original.prefix(200)).write(to: manifest)
        let corrupt = try SimctlProcess.run(["verify", run.path])
        #expect(corrupt.status != 0)
        #expect(corrupt.standardError == "simctl: error: \(manifest.path): not a run manifest: not valid JSON\n")
        let object = try JSONSerialization.jsonObject(with: original) as! [String: Any]
        try JSONSerialization.data(withJSONObject: object.filter { $0.key != "resolved_scenario" }).write(to: manifest)
        let incomplete = try SimctlProcess.run(["verify", run.path])
        #expect(
            incomplete.standardError
                == "simctl: error: \(manifest.path): not a run manifest: no resolved_scenario field\n")
        try FileManager.default.removeItem(at: manifest)
        let missing = try SimctlProcess.run(["verify", run.path])
        #expect(missing.status != 0)
        #expect(missing.standardError == "simctl: error: \(manifest.path): no such file: not a run folder\n")
    }
}
