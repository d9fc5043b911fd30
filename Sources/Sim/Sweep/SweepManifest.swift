import Foundation

/// `sweep.json`: what a sweep folder holds, so that a resume or a merge can check it is the same sweep.
public struct SweepManifest: Codable, Sendable, Equatable {
    /// Program that wrote the folder (`simctl`).
    public var program: String
    /// ``SimulatorVersion/current`` of that program.
    public var version: String
    /// The sweep's name.
    public var name: String
    /// The sweep file, as given on the command line that started the folder (not checked).
    public var sweepFile: String
    /// SHA-256 (lowercase hex) of ``resolvedSweep``: equal hashes mean the same runs.
    public var sweepSha256: String
    /// Every run in the whole sweep.
    public var runs: Int
    /// The part of the sweep this folder holds, `k/n` (`1/1` for the whole sweep).
    public var shard: String
    /// Runs of the sweep in this folder's part.
    public var shardRuns: Int
    /// How the runs are laid out: sampling, replicates, axes, the time-series file.
    public var design: SweepDesign
    /// ``SweepPlan/resolvedText``: version, sweep seed, replicates, every point, the resolved base scenario.
    public var resolvedSweep: String

    /// The file name in a sweep folder.
    public static let fileName = "sweep.json"

    /// The manifest of `shard` of `plan`.
    public init(plan: SweepPlan, shard: SweepShard) {
        program = "simctl"
        version = SimulatorVersion.current
        name = plan.file.name
        sweepFile = plan.file.path
        sweepSha256 = plan.sha256
        runs = plan.runCount
        self.shard = shard.description
        shardRuns = (0..<plan.runCount).filter(shard.contains(run:)).count
        design = SweepDesign(plan: plan)
        resolvedSweep = plan.resolvedText
    }

    /// This manifest for another part of the same sweep.
    public func with(shard: SweepShard) -> SweepManifest {
        var manifest = self
        manifest.shard = shard.description
        manifest.shardRuns = (0..<runs).filter(shard.contains(run:)).count
        return manifest
    }

    /// The part of the sweep, parsed.
    public func parsedShard(folder: String) throws(SweepError) -> SweepShard {
        do {
            return try SweepShard(parsing: shard)
        } catch {
            throw SweepError(path: Self.path(in: folder), message: "shard \(TOMLFormat.string(shard)) is not k/n")
        }
    }

    /// Reads the manifest of the sweep folder `folder`; nil when it has none.
    public static func read(folder: String) throws(SweepError) -> SweepManifest? {
        let path = path(in: folder)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SweepError(path: path, message: "cannot read the file")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let manifest = try? decoder.decode(SweepManifest.self, from: data) else {
            throw SweepError(
                path: path, message: "not a sweep manifest of this simctl (corrupt, older or from another program)")
        }
        return manifest
    }

    /// Writes the manifest into `folder`, whole or not at all.
    public func write(folder: String) throws(SweepError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard var data = try? encoder.encode(self) else {
            throw SweepError(path: Self.path(in: folder), message: "cannot encode the manifest")
        }
        data.append(UInt8(ascii: "\n"))
        try SweepFolder.replace(Self.path(in: folder), with: data)
    }

    /// Where the manifest of `folder` is.
    public static func path(in folder: String) -> String {
        (folder as NSString).appendingPathComponent(fileName)
    }
}
