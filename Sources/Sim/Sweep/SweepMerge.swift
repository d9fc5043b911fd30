import Foundation

/// Joins the folders of a sweep's shards into one folder holding the `sweep.csv`, time series,
/// statistics and `sweep.json` that the unsharded sweep writes, byte for byte.
///
/// Every folder must hold a part of the same sweep (equal SHA-256 of the resolved sweep, equal
/// version, the same number of parts, no part twice), every `sweep.csv` must be whole (no torn
/// last line: a shard that was interrupted is resumed by running its command again), and
/// together they must hold every run of the sweep exactly once.
public enum SweepMerge {
    /// Merges `folders` into the folder at `output` (created if missing; it may not be one of
    /// `folders`), returning the manifest written there.
    public static func merge(_ folders: [String], into output: String) throws(SweepError) -> SweepManifest {
        guard let first = folders.first else { throw SweepError(path: "merge", message: "no shard folders given") }
        let canonicalOutput = canonical(output)
        if let clash = folders.first(where: { canonical($0) == canonicalOutput }) {
            throw SweepError(path: clash, message: "is a shard being merged; --out must be another folder")
        }
        var manifests: [(folder: String, manifest: SweepManifest, shard: SweepShard)] = []
        for folder in folders {
            guard let manifest = try SweepManifest.read(folder: folder) else {
                throw SweepError(path: folder, message: "no \(SweepManifest.fileName): not a sweep folder")
            }
            let shard = try manifest.parsedShard(folder: folder)
            if let reference = manifests.first {
                guard manifest.sweepSha256 == reference.manifest.sweepSha256,
                    manifest.version == reference.manifest.version
                else {
                    throw SweepError(
                        path: folder,
                        message: "holds a different sweep from \(reference.folder) ('\(manifest.name)', sha256 "
                            + "\(manifest.sweepSha256.prefix(12)) vs \(reference.manifest.sweepSha256.prefix(12)))")
                }
                guard shard.count == reference.shard.count else {
                    throw SweepError(
                        path: folder, message: "holds shard \(shard) but \(reference.folder) holds \(reference.shard)")
                }
                if let twin = manifests.first(where: { $0.shard == shard }) {
                    throw SweepError(path: folder, message: "holds shard \(shard), as does \(twin.folder)")
                }
            }
            manifests.append((folder, manifest, shard))
        }
        let reference = manifests[0].manifest
        var present: Set<Int> = []
        for (folder, manifest, shard) in manifests {
            let path = (folder as NSString).appendingPathComponent(SweepRows.fileName)
            guard FileManager.default.fileExists(atPath: path) else {
                throw SweepError(path: path, message: "missing: the shard has not started")
            }
            let header = try ShardStream(path: path).header
            let scan = try RowJournal.scan(path: path, header: header) {
                $0 < manifest.runs && shard.contains(run: $0) ? 1 : nil
            }
            guard scan.whole == scan.length else {
                throw SweepError(
                    path: path, message: "ends in a torn line: shard \(shard) did not finish; run its command again")
            }
            present.formUnion(scan.blocks.keys)
        }
        let missing = (0..<reference.runs).filter { !present.contains($0) }
        if !missing.isEmpty {
            let listed = missing.prefix(5).map(String.init).joined(separator: ", ")
            let more = missing.count > 5 ? " and \(missing.count - 5) more" : ""
            throw SweepError(
                path: "merge",
                message: "the folders lack \(missing.count) of \(reference.runs) runs (\(listed)\(more)): "
                    + "a shard is missing or unfinished")
        }
        let shardFolders = manifests.sorted { $0.shard.index < $1.shard.index }.map(\.folder)
        let merged = reference.with(shard: .whole)
        let folder = try SweepFolder.open(path: output, manifest: merged)
        try join(SweepRows.fileName, of: shardFolders, runs: reference.runs, into: folder, gzip: false)
        if let timeseries = reference.design.timeseriesFile {
            try join(
                timeseries, of: shardFolders, runs: reference.runs, into: folder, gzip: timeseries.hasSuffix(".gz"))
        }
        try SweepStatistics.write(folder: folder)
        return merged
    }

    /// Writes `name` of the merged folder from the files `name` of the shard folders (in shard
    /// order), streaming: run r's rows come from shard r mod n, whose file holds its runs in order.
    private static func join(_ name: String, of folders: [String], runs: Int, into folder: SweepFolder, gzip: Bool)
        throws(SweepError)
    {
        let streams = try folders.map { (folder: String) throws(SweepError) in
            try ShardStream(path: (folder as NSString).appendingPathComponent(name))
        }
        let header = streams[0].header
        if let other = streams.first(where: { $0.header != header }) {
            throw SweepError(path: other.path, line: 1, message: "has another header than \(streams[0].path)")
        }
        let path = folder.file(name)
        try SweepFolder.replace(path) { (output: FileHandle) throws(SweepError) in
            try RowJournal.write(header, to: output, gzip: gzip, path: path)
            for run in 0..<runs {
                try RowJournal.write(
                    try streams[run % streams.count].block(of: run), to: output, gzip: gzip, path: path)
            }
            for stream in streams { try stream.finish() }
        }
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
