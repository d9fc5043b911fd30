import Foundation
import Testing

@testable import Sim

/// The journals of a sweep folder (`sweep.csv`, `sweep-timeseries.csv`) and its `sweep.json`: torn
/// lines and blocks, resumes, other sweeps, sorting, compression.
@Suite struct RowJournalTests {
    static func plan() throws -> (SweepPlan, ScenarioFolder) {
        let folder = try SweepPlanTests.folder()
        let text = "[sweep]\nbase = \"base\"\nseed = 1\nreplicates = 4\n"
        return (try SweepPlanTests.plan(text, in: folder), folder)
    }

    static func line(_ run: Int) -> Data { Data("\(run),x,y\n".utf8) }

    static let header = Data("run_id,a,b\n".utf8)

    /// A journal at `path` where runs 0..<4 may be recorded with `rows` rows each.
    static func journal(_ path: String, rows: Int = 1) throws -> RowJournal {
        try RowJournal.open(path: path, header: header) { $0 < 4 ? rows : nil }
    }

    static func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }

    @Test func aTornLastLineIsDroppedAndWholeLinesAreKept() throws {
        let (plan, scenarios) = try Self.plan()
        defer { try? FileManager.default.removeItem(atPath: scenarios.path) }
        let path = (scenarios.path as NSString).appendingPathComponent("out")
        let csv = (path as NSString).appendingPathComponent("sweep.csv")
        do {
            _ = try SweepFolder.open(path: path, manifest: SweepManifest(plan: plan, shard: .whole))
            let log = try Self.journal(csv)
            try log.append(Self.line(2), run: 2)
            try log.append(Self.line(0), run: 0)
        }
        try Self.append("3,x", to: csv)
        let log = try Self.journal(csv)
        #expect(log.count == 2 && log.contains(run: 0) && log.contains(run: 2) && !log.contains(run: 3))
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "run_id,a,b\n2,x,y\n0,x,y\n")
        try log.append(Self.line(3), run: 3)
        try log.append(Self.line(1), run: 1)
        try log.finish(into: csv, gzip: false)
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "run_id,a,b\n0,x,y\n1,x,y\n2,x,y\n3,x,y\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).sorted() == ["sweep.csv", "sweep.json"])
    }

    @Test func aTornLastBlockIsDroppedWholeAndADamagedOneElsewhereIsAnError() throws {
        let folder = try SweepPlanTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let path = (folder.path as NSString).appendingPathComponent("series.csv")
        do {
            let journal = try Self.journal(path, rows: 3)
            try journal.append(Data("1,a,1\n1,a,2\n1,a,3\n".utf8), run: 1)
        }
        try Self.append("0,a,1\n0,a,2\n", to: path)
        let journal = try Self.journal(path, rows: 3)
        #expect(journal.count == 1 && journal.contains(run: 1))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "run_id,a,b\n1,a,1\n1,a,2\n1,a,3\n")
        try journal.append(Data("0,a,1\n0,a,2\n0,a,3\n".utf8), run: 0)
        try journal.finish(into: path, gzip: false)
        #expect(
            try String(contentsOfFile: path, encoding: .utf8)
                == "run_id,a,b\n0,a,1\n0,a,2\n0,a,3\n1,a,1\n1,a,2\n1,a,3\n")
        let damaged = "run_id,a,b\n0,a,1\n0,a,3\n1,a,1\n1,a,2\n1,a,3\n"
        try Data(damaged.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SweepError(path: path, line: 2, message: "run 0 has 2 rows, expected 3: the file is damaged")) {
            _ = try Self.journal(path, rows: 3)
        }
    }

    @Test func aGzipFinishWritesOneMemberPerRunInRunOrder() throws {
        let folder = try SweepPlanTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let path = (folder.path as NSString).appendingPathComponent("series.csv")
        let gz = path + ".gz"
        let journal = try Self.journal(path, rows: 2)
        try journal.append(Data("2,a,1\n2,a,2\n".utf8), run: 2)
        try journal.append(Data("0,a,1\n0,a,2\n".utf8), run: 0)
        try journal.finish(into: gz, gzip: true)
        let members = [Self.header, Data("0,a,1\n0,a,2\n".utf8), Data("2,a,1\n2,a,2\n".utf8)]
        #expect(try Data(contentsOf: URL(fileURLWithPath: gz)) == members.map(GzipMember.compress).reduce(Data(), +))
        let reader = try LineReader(path: gz)
        var lines: [String] = []
        while let line = try reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(lines == ["run_id,a,b\n", "0,a,1\n", "0,a,2\n", "2,a,1\n", "2,a,2\n"])
    }

    @Test func linesOfOtherRunsOrTwiceTheSameRunAreRefused() throws {
        let folder = try SweepPlanTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let path = (folder.path as NSString).appendingPathComponent("f.csv")
        func failure(_ text: String) throws -> String? {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            do {
                _ = try RowJournal.scan(path: path, header: Data("run_id,a\n".utf8)) { $0 % 2 == 0 ? 1 : nil }
                return nil
            } catch {
                return error.description.replacingOccurrences(of: path, with: "f.csv")
            }
        }
        #expect(try failure("run_id,a\n0,x\n2,y\n4,z") == nil)
        #expect(try failure("run_id,a\n0,x\n3,y\n") == "f.csv:3: not a line of a run of this sweep folder")
        #expect(try failure("run_id,a\n0,x\n0,y\n") == "f.csv:2: run 0 has 2 rows, expected 1: the file is damaged")
        #expect(try failure("run_id,a\n0,x\n2,y\n0,z\n") == "f.csv:4: run 0 appears twice")
        #expect(try failure("run_id,b\n") == "f.csv:1: the header is not this sweep's columns: choose another --out")
    }

    @Test func aFolderOfAnotherSweepOrShardIsRefused() throws {
        let (plan, scenarios) = try Self.plan()
        defer { try? FileManager.default.removeItem(atPath: scenarios.path) }
        let path = (scenarios.path as NSString).appendingPathComponent("out")
        do {
            _ = try SweepFolder.open(
                path: path, manifest: SweepManifest(plan: plan, shard: SweepShard(index: 1, count: 2)))
        }
        let other = try SweepPlanTests.plan("[sweep]\nbase = \"base\"\nseed = 2\nreplicates = 4\n", in: scenarios)
        #expect(throws: SweepError.self) {
            _ = try SweepFolder.open(
                path: path, manifest: SweepManifest(plan: other, shard: SweepShard(index: 1, count: 2)))
        }
        #expect(throws: SweepError.self) {
            _ = try SweepFolder.open(path: path, manifest: SweepManifest(plan: plan, shard: .whole))
        }
        let held = try SweepFolder.open(
            path: path, manifest: SweepManifest(plan: plan, shard: SweepShard(index: 1, count: 2)))
        #expect(throws: SweepError(path: path, message: "another simctl process is writing this folder")) {
            _ = try SweepFolder.open(path: path, manifest: held.manifest)
        }
    }

    @Test func aManifestRoundTrips() throws {
        let (plan, scenarios) = try Self.plan()
        defer { try? FileManager.default.removeItem(atPath: scenarios.path) }
        let manifest = SweepManifest(plan: plan, shard: SweepShard(index: 2, count: 3))
        #expect(manifest.runs == 4 && manifest.shardRuns == 1 && manifest.shard == "2/3")
        try manifest.write(folder: scenarios.path)
        #expect(try SweepManifest.read(folder: scenarios.path) == manifest)
        let json = try String(contentsOfFile: SweepManifest.path(in: scenarios.path), encoding: .utf8)
        #expect(json.contains("\"sweep_sha256\" : \"\(plan.sha256)\""))
    }
}
