import Foundation
import Sim
import Testing

/// `simctl sweep`, `simctl merge` and `simctl stats`, end to end: resume after `kill -9`, shards
/// and merge, rows and time series equal to single runs, and bad input.
@Suite("simctl sweep and merge, end to end")
struct SweepCommandTests {
    /// A sweep of 12 small runs: 3 coverages × 2 legitimacies × 2 replicates of 2,000 citizens for 20 ticks.
    static let small = """
        [sweep]
        base = "crackdown"
        seed = 9
        replicates = 2
        timeseries = true
        set = ["population.size=2000", "ticks=20"]

        [[axes]]
        key = "surveillance.dissent.coverage"
        range = { from = 0.0, to = 0.8, steps = 3 }

        [[axes]]
        key = "legitimacy.value"
        values = [0.4, 0.7]
        """

    /// A sweep of 16 runs slow enough (0.1 to 0.2 s each) to be killed half-way, writing every
    /// 5th of its 30 ticks compressed.
    static let slow = """
        [sweep]
        base = "crackdown"
        seed = 4
        replicates = 4
        timeseries = true
        timeseries_every = 5
        compress = "gzip"
        set = ["population.size=10000", "ticks=30"]

        [[axes]]
        key = "legitimacy.value"
        values = [0.3, 0.5, 0.7, 0.9]
        """

    static func write(_ text: String, in folder: URL, as name: String = "sweep.toml") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func sweepCSV(_ folder: URL) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent("sweep.csv"))
    }

    static func file(_ name: String, in folder: URL) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// The files of a finished sweep folder besides sweep.json.
    static let outputs = ["sweep-stats.csv", "sweep.csv"]

    @Test("a sweep killed with SIGKILL and run again ends byte-identical to an uninterrupted one")
    func resumeAfterKill() throws {
        let root = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let sweep = try Self.write(Self.slow, in: root)
        let whole = root.appendingPathComponent("whole")
        let reference = try SimctlProcess.run(["sweep", sweep, "--out", whole.path, "--jobs", "2", "--threads", "1"])
        #expect(reference.status == 0, "\(reference.standardError)")
        let expected = try Self.sweepCSV(whole)
        #expect(expected.split(separator: UInt8(ascii: "\n")).count == 17)

        let resumed = root.appendingPathComponent("resumed")
        let csv = resumed.appendingPathComponent("sweep.csv")
        let killed = try SimctlBackground(["sweep", sweep, "--out", resumed.path, "--quiet"])
        var lines = 0
        let deadline = Date().addingTimeInterval(30)
        while lines < 2 && Date() < deadline && killed.process.isRunning {
            lines = ((try? Data(contentsOf: csv)) ?? Data()).filter { $0 == UInt8(ascii: "\n") }.count
            if lines < 2 { usleep(2_000) }
        }
        killed.kill()
        let partial = try Self.sweepCSV(resumed)
        let partialLines = partial.filter { $0 == UInt8(ascii: "\n") }.count
        #expect(partialLines >= 2 && partialLines < 17, "killed with \(partialLines - 1) of 16 rows written")
        // A torn last line, and a torn block of time series, as a kill in the middle of a write would leave them.
        for (file, text) in [
            (csv, "15,3,3,12345,0.9,20"),
            (resumed.appendingPathComponent(".sweep-timeseries.csv.journal"), "15,3,3,12345,0.9,5,10000\n"),
        ] {
            let handle = try FileHandle(forWritingTo: file)
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            handle.closeFile()
        }

        let again = try SimctlProcess.run(["sweep", sweep, "--out", resumed.path, "--jobs", "2"])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardError.contains("already done"))
        #expect(try Self.sweepCSV(resumed) == expected)
        let names = ["sweep-stats.csv", "sweep-timeseries.csv.gz", "sweep.csv", "sweep.json"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: resumed.path).sorted() == names)
        for name in names where name != "sweep.json" {
            #expect(try Self.file(name, in: resumed) == Self.file(name, in: whole), "\(name)")
        }
        let series = try LineReader(path: resumed.appendingPathComponent("sweep-timeseries.csv.gz").path)
        var rows = 0
        while try series.next() != nil { rows += 1 }
        #expect(rows == 1 + 16 * 6, "ticks 5, 10, ..., 30 of 16 runs")
        let finished = try SimctlProcess.run(["sweep", sweep, "--out", resumed.path, "--quiet"])
        #expect(finished.status == 0)
        #expect(try Self.sweepCSV(resumed) == expected, "a finished sweep is left as it is")
        #expect(try FileManager.default.contentsOfDirectory(atPath: resumed.path).sorted() == names)
    }

    @Test("shards merged give the unsharded sweep.csv byte for byte; missing or repeated shards are refused")
    func shardsAndMerge() throws {
        let root = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let sweep = try Self.write(Self.small, in: root)
        let whole = root.appendingPathComponent("whole")
        let unsharded = try SimctlProcess.run(["sweep", sweep, "--out", whole.path, "--jobs", "2", "--quiet"])
        #expect(unsharded.status == 0, "\(unsharded.standardError)")
        var shards: [String] = []
        for index in 1...3 {
            let folder = root.appendingPathComponent("shard-\(index)").path
            let result = try SimctlProcess.run(["sweep", sweep, "--shard", "\(index)/3", "--out", folder, "--quiet"])
            #expect(result.status == 0, "\(result.standardError)")
            let rows = try String(contentsOfFile: folder + "/sweep.csv", encoding: .utf8).split(separator: "\n")
                .dropFirst()
            #expect(rows.allSatisfy { Int($0.prefix { $0 != "," })! % 3 == index - 1 })
            #expect(rows.count == 4)
            shards.append(folder)
        }
        let merged = root.appendingPathComponent("merged")
        let merge = try SimctlProcess.run(["merge"] + shards.reversed() + ["--out", merged.path])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(merge.standardOutput.contains("12 runs from 3 shard folders"))
        for name in ["sweep.csv", "sweep-timeseries.csv", "sweep-stats.csv"] {
            #expect(try Self.file(name, in: merged) == Self.file(name, in: whole), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: shards[0] + "/sweep-stats.csv"), "a shard has no statistics")
        let stats = try SimctlProcess.run(["stats", shards[0]])
        #expect(stats.status != 0 && stats.standardError.contains("holds shard 1/3 only: merge the shards"))
        try FileManager.default.removeItem(at: merged.appendingPathComponent("sweep-stats.csv"))
        let recomputed = try SimctlProcess.run(["stats", merged.path])
        #expect(recomputed.status == 0, "\(recomputed.standardError)")
        #expect(try Self.file("sweep-stats.csv", in: merged) == Self.file("sweep-stats.csv", in: whole))

        let gzip = try Self.write(
            Self.small.replacingOccurrences(of: "timeseries = true", with: "timeseries = true\ncompress = \"gzip\""),
            in: root, as: "gzip.toml")
        let wholeGzip = root.appendingPathComponent("whole-gzip")
        #expect(try SimctlProcess.run(["sweep", gzip, "--out", wholeGzip.path, "--jobs", "2", "--quiet"]).status == 0)
        var gzipShards: [String] = []
        for index in 1...2 {
            let folder = root.appendingPathComponent("gzip-shard-\(index)").path
            #expect(
                try SimctlProcess.run(["sweep", gzip, "--shard", "\(index)/2", "--out", folder, "--quiet"]).status == 0)
            gzipShards.append(folder)
        }
        let mergedGzip = root.appendingPathComponent("merged-gzip")
        #expect(try SimctlProcess.run(["merge"] + gzipShards + ["--out", mergedGzip.path]).status == 0)
        for name in ["sweep.csv", "sweep-timeseries.csv.gz", "sweep-stats.csv"] {
            #expect(try Self.file(name, in: mergedGzip) == Self.file(name, in: wholeGzip), "\(name)")
        }

        let missing = try SimctlProcess.run([
            "merge", shards[0], shards[2], "--out", root.appendingPathComponent("m2").path,
        ])
        #expect(missing.status != 0)
        #expect(missing.standardError.split(separator: "\n").count == 1)
        #expect(missing.standardError.contains("lack 4 of 12 runs (1, 4, 7, 10)"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("m2").path))
        let twice = try SimctlProcess.run([
            "merge", shards[0], shards[0], "--out", root.appendingPathComponent("m3").path,
        ])
        #expect(twice.status != 0)
        #expect(twice.standardError.contains("holds shard 1/3, as does"))
        let other = try Self.write(
            Self.small.replacingOccurrences(of: "seed = 9", with: "seed = 10"), in: root, as: "other.toml")
        let foreign = root.appendingPathComponent("foreign").path
        #expect(try SimctlProcess.run(["sweep", other, "--shard", "2/3", "--out", foreign, "--quiet"]).status == 0)
        let mixed = try SimctlProcess.run([
            "merge", shards[0], foreign, shards[2], "--out", root.appendingPathComponent("m4").path,
        ])
        #expect(mixed.status != 0)
        #expect(mixed.standardError.contains("holds a different sweep"))
    }

    @Test("a sweep row holds the last timeseries row of the same run made with simctl run")
    func rowsMatchSingleRuns() throws {
        let root = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let sweep = try Self.write(Self.small, in: root)
        let out = root.appendingPathComponent("sweep")
        #expect(try SimctlProcess.run(["sweep", sweep, "--out", out.path, "--quiet"]).status == 0)
        let lines = try String(contentsOf: out.appendingPathComponent("sweep.csv"), encoding: .utf8).split(
            separator: "\n")
        let header = lines[0].split(separator: ",")
        #expect(
            header.prefix(7) == [
                "run_id", "point", "replicate", "seed", "surveillance.dissent.coverage", "legitimacy.value", "tick",
            ])
        #expect(header.suffix(2) == ["expressed_dissent_peak", "expressed_dissent_peak_tick"])
        let row = lines[8].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row.prefix(6) == ["7", "3", "1", "\(SweepSeed.seed(sweepSeed: 9, run: 7))", "0.4", "0.7"])
        let single = root.appendingPathComponent("single")
        let run = try SimctlProcess.run([
            "run", "crackdown", "--population", "2000", "--ticks", "20", "--seed", String(row[3]), "--set",
            "surveillance.dissent.coverage=0.4", "--set", "legitimacy.value=0.7", "--out", single.path, "--quiet",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let timeseries = try String(contentsOf: single.appendingPathComponent("timeseries.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(
            timeseries[0].split(separator: ",").map(String.init) == header.dropFirst(6).dropLast(2).map(String.init))
        let last = timeseries.last!.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(last == row.dropFirst(6).dropLast(2).map(String.init))
        let dissent = try #require(timeseries[0].split(separator: ",").firstIndex(of: "expressed_dissent"))
        let shares = timeseries.dropFirst().map { Double($0.split(separator: ",")[dissent])! }
        let peak = shares.max()!
        #expect(Double(row[row.count - 2]) == peak && Int(row[row.count - 1]) == shares.firstIndex(of: peak)! + 1)
        let series = try String(contentsOf: out.appendingPathComponent("sweep-timeseries.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(series.count == 1 + 12 * 20)
        let prefix = row.prefix(6).joined(separator: ",") + ","
        #expect(
            series.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
                == timeseries.dropFirst().map(String.init))
    }

    @Test("resuming into a folder of another sweep is refused with one line")
    func anotherSweepIsNotResumed() throws {
        let root = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        let first = try Self.write(Self.small, in: root)
        #expect(try SimctlProcess.run(["sweep", first, "--shard", "3/3", "--out", out, "--quiet"]).status == 0)
        let before = try Self.sweepCSV(URL(fileURLWithPath: out))
        let second = try Self.write(
            Self.small.replacingOccurrences(of: "ticks=20", with: "ticks=21"), in: root, as: "b.toml")
        let result = try SimctlProcess.run(["sweep", second, "--shard", "3/3", "--out", out, "--quiet"])
        #expect(result.status != 0)
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardError.contains("\(out): holds a different sweep"))
        let shard = try SimctlProcess.run(["sweep", first, "--shard", "1/3", "--out", out, "--quiet"])
        #expect(shard.standardError.contains("holds shard 3/3 of this sweep, not 1/3"))
        #expect(try Self.sweepCSV(URL(fileURLWithPath: out)) == before)
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        let name: String
        let sweep: String
        let arguments: [String]
        /// Fragments the one error line must hold; FILE stands for the sweep file's path.
        let expected: [String]
        /// Whether `simctl validate` rejects the sweep file too.
        var badSweepFile: Bool { arguments.isEmpty && sweep.contains("[sweep]") }
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(
            name: "unknown key path",
            sweep: small.replacingOccurrences(of: "legitimacy.value", with: "legitimacy.valeu"),
            arguments: [], expected: ["FILE:13: legitimacy.valeu: unknown key; did you mean 'value'?"]),
        BadCase(
            name: "empty axis", sweep: small.replacingOccurrences(of: "[0.4, 0.7]", with: "[]"), arguments: [],
            expected: ["FILE:14: axes[1].values: expected at least one value"]),
        BadCase(
            name: "range with steps 0", sweep: small.replacingOccurrences(of: "steps = 3", with: "steps = 0"),
            arguments: [], expected: ["FILE:10: axes[0].range.steps: expected an integer >= 1, got 0"]),
        BadCase(
            name: "bad shard spec", sweep: small, arguments: ["--shard", "4/3"],
            expected: ["--shard 4/3: expected k/n with 1 <= k <= n"]),
        BadCase(
            name: "a scenario, not a sweep", sweep: "ticks = 3\n", arguments: [],
            expected: ["FILE: sweep: missing; a sweep file has a [sweep] table"]),
    ]

    @Test("bad sweep files and arguments: one error line, non-zero exit, nothing written", arguments: badCases)
    func rejects(_ testCase: BadCase) throws {
        let root = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let sweep = try Self.write(testCase.sweep, in: root)
        let out = root.appendingPathComponent("out")
        let result = try SimctlProcess.run(["sweep", sweep, "--out", out.path, "--quiet"] + testCase.arguments)
        #expect(result.status != 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "stderr was: \(result.standardError)")
        for fragment in testCase.expected {
            let wanted = "simctl: error: " + fragment.replacingOccurrences(of: "FILE", with: sweep)
            #expect(lines.first?.hasPrefix(wanted) == true, "\(lines.first ?? "") is not \(wanted)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        if testCase.badSweepFile {
            let validate = try SimctlProcess.run(["validate", sweep])
            #expect(validate.status != 0)
            #expect(validate.standardError == result.standardError, "validate reports what sweep reports")
        }
    }

    @Test("validate accepts the shipped sweep and counts its runs")
    func validateShippedSweep() throws {
        let result = try SimctlProcess.run(["validate", "scenarios/sweeps/surveillance-vs-dissent.toml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains("ok (sweep 'surveillance-vs-dissent' of 90 runs: 30 points x 3 replicates"))
    }
}
