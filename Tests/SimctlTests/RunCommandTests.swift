import Foundation
import Sim
import Testing

@Suite("simctl run, end to end")
struct RunCommandTests {
    /// A small crackdown run: surveillance, detention and score penalties all active.
    func run(threads: Int, into folder: URL) throws -> SimctlProcess {
        try SimctlProcess.run([
            "run", "crackdown", "--population", "20000", "--ticks", "60", "--seed", "7", "--threads", String(threads),
            "--out", folder.path, "--quiet",
        ])
    }

    @Test("outputs are byte-identical for --threads 1, 2 and 3")
    func threadsDoNotChangeOutputs() throws {
        let root = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var contents: [[Data]] = []
        var hashes: [[String: String]] = []
        for threads in [1, 2, 3] {
            let folder = root.appendingPathComponent("threads-\(threads)")
            let result = try run(threads: threads, into: folder)
            #expect(result.status == 0, "\(result.standardError)")
            contents.append(
                try ["timeseries.csv", "summary.csv"].map { try Data(contentsOf: folder.appendingPathComponent($0)) })
            let manifest =
                try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
                as! [String: Any]
            hashes.append(manifest["outputs"] as! [String: String])
            #expect(manifest["threads"] as? Int == threads)
        }
        #expect(contents[0] == contents[1])
        #expect(contents[0] == contents[2])
        #expect(hashes[0] == hashes[1] && hashes[0] == hashes[2])
        let timeseries = String(decoding: contents[0][0], as: UTF8.self)
        #expect(timeseries.split(separator: "\n").count == 61)
    }

    @Test("a run writes the three files, and the manifest's hashes match them")
    func manifestHashesMatch() throws {
        let folder = try SimctlProcess.temporaryFolder().appendingPathComponent("run")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let result = try run(threads: 2, into: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["manifest.json", "summary.csv", "timeseries.csv"])
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
            as! [String: Any]
        let outputs = manifest["outputs"] as! [String: String]
        #expect(outputs.count == 2)
        for (name, hash) in outputs {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(Runner.sha256(data) == hash)
        }
        #expect((manifest["resolved_scenario"] as? String)?.contains("coverage") == true)
        #expect(manifest["seed"] as? Int == 7)
    }

    @Test("one-character paths for the output folder and an extending scenario file work")
    func oneCharacterPaths() throws {
        let root = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("extends = \"baseline\"\n".utf8).write(to: root.appendingPathComponent("s"))
        let result = try SimctlProcess.run(
            ["run", "s", "--population", "1000", "--ticks", "2", "--out", "o", "--quiet"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("o").path)
        #expect(files.sorted() == ["manifest.json", "summary.csv", "timeseries.csv"])
    }
}
