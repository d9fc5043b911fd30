import Foundation
import Testing

@testable import Sim

/// `sweep.csv` and `sweep.json` in a sweep folder: torn lines, resumes, other sweeps, sorting.
@Suite struct SweepLogTests {
    static func plan() throws -> (SweepPlan, ScenarioFolder) {
        let folder = try SweepPlanTests.folder()
        let text = "[sweep]\nbase = \"base\"\nseed = 1\nreplicates = 4\n"
        return (try SweepPlanTests.plan(text, in: folder), folder)
    }

    static func line(_ run: Int) -> Data { Data("\(run),x,y\n".utf8) }

    @Test func aTornLastLineIsDroppedAndWholeLinesAreKept() throws {
        let (plan, scenarios) = try Self.plan()
        defer { try? FileManager.default.removeItem(atPath: scenarios.path) }
        let path = (scenarios.path as NSString).appendingPathComponent("out")
        let table = SweepTable(columns: ["run_id", "a", "b"])
        do {
            let folder = try SweepFolder.open(path: path, manifest: SweepManifest(plan: plan, shard: .whole))
            let log = try SweepLog.open(folder: folder, table: table) { $0 < 4 }
            try log.append(Self.line(2), run: 2)
            try log.append(Self.line(0), run: 0)
        }
        let csv = (path as NSString).appendingPathComponent("sweep.csv")
        let handle = try #require(FileHandle(forWritingAtPath: csv))
        handle.seekToEndOfFile()
        handle.write(Data("3,x".utf8))
        handle.closeFile()
        let folder = try SweepFolder.open(path: path, manifest: SweepManifest(plan: plan, shard: .whole))
        let log = try SweepLog.open(folder: folder, table: table) { $0 < 4 }
        #expect(log.lines.keys.sorted() == [0, 2])
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "run_id,a,b\n2,x,y\n0,x,y\n")
        try log.append(Self.line(3), run: 3)
        try log.append(Self.line(1), run: 1)
        try log.finish()
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "run_id,a,b\n0,x,y\n1,x,y\n2,x,y\n3,x,y\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).sorted() == ["sweep.csv", "sweep.json"])
    }

    @Test func linesOfOtherRunsOrTwiceTheSameRunAreRefused() throws {
        let header = Data("run_id,a\n".utf8)
        func failure(_ text: String) -> String? {
            do {
                _ = try SweepLog.read(Data(text.utf8), path: "f.csv", header: header) { $0 % 2 == 0 }
                return nil
            } catch {
                return error.description
            }
        }
        #expect(failure("run_id,a\n0,x\n2,y\n4,z") == nil)
        #expect(failure("run_id,a\n0,x\n3,y\n") == "f.csv:3: not a line of a run of this sweep folder")
        #expect(failure("run_id,a\n0,x\n0,y\n") == "f.csv:3: run 0 appears twice")
        #expect(failure("run_id,b\n") == "f.csv:1: the header is not this sweep's columns: choose another --out")
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
