import Foundation
import Testing

/// Bad input gets one clear line on stderr, a non-zero exit and no output folder.
@Suite("simctl on bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// Scenario file text (nil: no file is written, so the path is missing).
        let scenario: String?
        /// Extra files next to the scenario: name and contents (nil contents: an unreadable file).
        let extraFiles: [(String, String?)]
        /// Text the one error line must contain, with FILE standing for the scenario path.
        let expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown key", scenario: "ticks = 5\n\n[graph]\nmean_degre = 8\n", extraFiles: [],
            expected: ["FILE:4:", "graph.mean_degre", "did you mean 'mean_degree'"]),
        Case(
            name: "wrong type", scenario: "ticks = 5\n[legitimacy]\nvalue = \"high\"\n", extraFiles: [],
            expected: ["FILE:3:", "legitimacy.value", "expected a number"]),
        Case(
            name: "out-of-range value", scenario: "ticks = 5\n[surveillance.dissent]\ncoverage = 1.5\n", extraFiles: [],
            expected: ["FILE:3:", "surveillance.dissent.coverage", "1.5"]),
        Case(name: "missing scenario file", scenario: nil, extraFiles: [], expected: ["FILE"]),
        Case(
            name: "unreadable edge list", scenario: "ticks = 5\n[graph]\nmodel = \"edge-list\"\nfile = \"ties.txt\"\n",
            extraFiles: [("ties.txt", "0 1\n1 2\nthree 4\n")], expected: ["ties.txt:3:", "three 4"]),
        Case(
            name: "missing edge list", scenario: "ticks = 5\n[graph]\nmodel = \"edge-list\"\nfile = \"nowhere.txt\"\n",
            extraFiles: [], expected: ["nowhere.txt"]),
        Case(
            name: "bad population cell", scenario: "ticks = 5\n[population]\nfile = \"people.csv\"\n",
            extraFiles: [("people.csv", "hardship,threshold\n0.5,0.2\n0.4,lots\n")],
            expected: ["people.csv:3:", "threshold", "lots"]),
    ]

    @Test("one error line, non-zero exit, nothing written", arguments: cases)
    func rejects(_ testCase: Case) throws {
        let folder = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scenario.toml")
        if let text = testCase.scenario { try text.write(to: scenario, atomically: true, encoding: .utf8) }
        for (name, contents) in testCase.extraFiles {
            try (contents ?? "").write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let out = folder.appendingPathComponent("out")
        let result = try SimctlProcess.run(["run", scenario.path, "--out", out.path, "--quiet"])
        #expect(result.status != 0)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "stderr was: \(result.standardError)")
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("simctl: error: "))
        for fragment in testCase.expected {
            let wanted = fragment.replacingOccurrences(of: "FILE", with: scenario.path)
            #expect(line.contains(wanted), "\(line) lacks \(wanted)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("an unwritable output folder is refused before any work")
    func unwritableOutput() throws {
        let folder = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file-not-folder")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let out = blocker.appendingPathComponent("run")
        let result = try SimctlProcess.run([
            "run", "baseline", "--population", "1000", "--ticks", "3", "--out", out.path, "--quiet",
        ])
        #expect(result.status != 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "stderr was: \(result.standardError)")
        #expect(lines.first?.contains(out.path) == true)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test(
        "a usage error is one line naming the problem and the help to read, exit status 64",
        arguments: [
            (["run", "baseline", "--threads", "0"], "--threads must be at least 1", "simctl run --help"),
            (["run", "baseline", "--threads", "many"], "'many' is invalid for '--threads", "simctl run --help"),
            (["run", "baseline", "--frobnicate"], "Unknown option '--frobnicate'", "simctl run --help"),
            (["sweep"], "Missing expected argument '<sweep>'", "simctl sweep --help"),
            (["bench", "--vector-level", "avx3"], "expected scalar, avx2 or avx512", "simctl bench --help"),
            (["frobnicate"], "Unexpected argument 'frobnicate'", "simctl --help"),
        ])
    func usageError(arguments: [String], problem: String, help: String) throws {
        let result = try SimctlProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "stderr was: \(result.standardError)")
        let line = String(lines.first ?? "")
        #expect(
            line.hasPrefix("simctl: error: ") && line.contains(problem) && line.contains("(see '\(help)')"), "\(line)")
    }

    @Test("validate accepts a shipped scenario and rejects a bad one with the same message as run")
    func validate() throws {
        let good = try SimctlProcess.run(["validate", "crackdown"])
        #expect(good.status == 0, "\(good.standardError)")
        #expect(good.standardOutput.contains("ok"))
        let folder = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("bad.toml")
        try "tickz = 5\n".write(to: scenario, atomically: true, encoding: .utf8)
        let bad = try SimctlProcess.run(["validate", scenario.path])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("\(scenario.path):1:"))
        #expect(bad.standardError.contains("did you mean 'ticks'"))
    }
}
