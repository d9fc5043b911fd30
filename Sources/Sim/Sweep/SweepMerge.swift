import Foundation

/// Joins the folders of a sweep's shards into one folder holding the `sweep.csv` (and
/// `sweep.json`) that the unsharded sweep writes, byte for byte.
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
        var header: Data?
        var lines: [Int: (line: Data, folder: String)] = [:]
        for (folder, manifest, shard) in manifests {
            let path = (folder as NSString).appendingPathComponent(SweepLog.fileName)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SweepError(path: path, message: "missing or unreadable: the shard has not started")
            }
            guard let headerEnd = data.firstIndex(of: UInt8(ascii: "\n")) else {
                throw SweepError(path: path, line: 1, message: "has no whole header line")
            }
            let folderHeader = Data(data[...headerEnd])
            if let header, header != folderHeader {
                throw SweepError(
                    path: path, line: 1, message: "has another header than \(first)'s \(SweepLog.fileName)")
            }
            header = folderHeader
            guard data.last == UInt8(ascii: "\n") else {
                throw SweepError(
                    path: path, message: "ends in a torn line: shard \(shard) did not finish; run its command again")
            }
            let runs = try SweepLog.read(data, path: path, header: folderHeader) {
                $0 < manifest.runs && shard.contains(run: $0)
            }
            for (run, line) in runs {
                if let other = lines[run] {
                    throw SweepError(path: path, message: "run \(run) is also in \(other.folder)")
                }
                lines[run] = (line, folder)
            }
        }
        let missing = (0..<reference.runs).filter { lines[$0] == nil }
        if !missing.isEmpty {
            let listed = missing.prefix(5).map(String.init).joined(separator: ", ")
            let more = missing.count > 5 ? " and \(missing.count - 5) more" : ""
            throw SweepError(
                path: "merge",
                message: "the folders lack \(missing.count) of \(reference.runs) runs (\(listed)\(more)): "
                    + "a shard is missing or unfinished")
        }
        var data = header!
        for run in 0..<reference.runs { data.append(lines[run]!.line) }
        let merged = reference.with(shard: .whole)
        let folder = try SweepFolder.open(path: output, manifest: merged)
        try SweepFolder.replace(folder.file(SweepLog.fileName), with: data)
        return merged
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
