import Foundation

/// A sweep's output folder: `sweep.json`, `sweep.csv` and the files beside them, written by one
/// process at a time.
///
/// Opening a folder creates it (and its parents) when missing and takes an exclusive `flock` on
/// it, released when the object is freed or the process ends (even by `kill -9`). A folder that
/// already holds a `sweep.json` is accepted only for the same sweep (equal SHA-256 of the resolved
/// sweep) and the same shard; a new folder gets its `sweep.json` before any run starts.
public final class SweepFolder {
    /// The folder's path.
    public let path: String
    /// The manifest the folder holds.
    public let manifest: SweepManifest
    private let descriptor: Int32

    private init(path: String, manifest: SweepManifest, descriptor: Int32) {
        self.path = path
        self.manifest = manifest
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The path of `name` in the folder.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Opens (creating if needed) the folder at `path` for the sweep and shard `manifest` describes.
    public static func open(path: String, manifest: SweepManifest) throws(SweepError) -> SweepFolder {
        let created: String?
        do {
            created = try OutputFolder.create(path: path)
        } catch {
            throw SweepError(path: error.path, message: error.message)
        }
        do throws(SweepError) {
            let folder = try lock(path: path, manifest: manifest)
            try folder.adopt(manifest)
            return folder
        } catch {
            if let created { try? FileManager.default.removeItem(atPath: created) }
            throw error
        }
    }

    private static func lock(path: String, manifest: SweepManifest) throws(SweepError) -> SweepFolder {
        let descriptor = Foundation.open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else {
            throw SweepError(path: path, message: "cannot open the folder (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw SweepError(path: path, message: "another simctl process is writing this folder")
        }
        return SweepFolder(path: path, manifest: manifest, descriptor: descriptor)
    }

    /// Checks the folder's `sweep.json` against `manifest`, or writes it; removes leftovers of an
    /// interrupted rewrite.
    private func adopt(_ manifest: SweepManifest) throws(SweepError) {
        if let existing = try SweepManifest.read(folder: path) {
            if existing.version != manifest.version {
                throw SweepError(
                    path: path,
                    message: "holds a sweep written by simctl \(existing.version), this is \(manifest.version); "
                        + "its runs may differ, so it cannot be resumed: choose another --out")
            }
            if existing.sweepSha256 != manifest.sweepSha256 {
                throw SweepError(
                    path: path,
                    message: "holds a different sweep ('\(existing.name)' from \(existing.sweepFile), sha256 "
                        + "\(existing.sweepSha256.prefix(12)); this one is \(manifest.sweepSha256.prefix(12))): "
                        + "choose another --out")
            }
            if existing.shard != manifest.shard {
                throw SweepError(
                    path: path,
                    message: "holds shard \(existing.shard) of this sweep, not \(manifest.shard): choose another --out")
            }
        } else {
            if FileManager.default.fileExists(atPath: file(SweepRows.fileName)) {
                throw SweepError(
                    path: path,
                    message: "has a \(SweepRows.fileName) but no \(SweepManifest.fileName): choose another --out")
            }
            try manifest.write(folder: path)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".partial") {
            try? FileManager.default.removeItem(atPath: file(name))
        }
    }

    /// Replaces the file at `path` with `data` whole: writes a hidden `.NAME.partial` beside it,
    /// then renames it over `path`.
    static func replace(_ path: String, with data: Data) throws(SweepError) {
        try replace(path) { (output: FileHandle) throws(SweepError) in
            do {
                try output.write(contentsOf: data)
            } catch {
                throw SweepError(path: path, message: "cannot write the file (\(error.localizedDescription))")
            }
        }
    }

    /// Replaces the file at `path` with what `write` writes to it, whole: `write` fills a hidden
    /// `.NAME.partial` beside it, which is then renamed over `path` (and removed if `write` fails).
    static func replace(_ path: String, writing write: (FileHandle) throws(SweepError) -> Void) throws(SweepError) {
        let partial = partialPath(of: path)
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let output = FileHandle(forWritingAtPath: partial)
        else {
            throw SweepError(path: path, message: "cannot write the file")
        }
        do throws(SweepError) {
            try write(output)
        } catch {
            try? output.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        do {
            try output.close()
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw SweepError(path: path, message: "cannot write the file (\(error.localizedDescription))")
        }
        guard rename(partial, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: partial)
            throw SweepError(path: path, message: "cannot move the file into place (\(reason))")
        }
    }

    /// The hidden file beside `path` that is written first and renamed onto it. Taken apart with
    /// URL: `NSString.deletingLastPathComponent` traps on one-character paths on Linux.
    private static func partialPath(of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial").path
    }
}
