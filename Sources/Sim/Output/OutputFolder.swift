import Foundation

/// A run's output folder, whose files appear whole or not at all.
///
/// ``open(path:)`` creates the folder (and its parents) if needed and proves it writable before any
/// work starts. Files are staged in a hidden subfolder and renamed into place by ``commit()``;
/// ``discard()`` removes the staging folder and, if this run created it, the output folder itself.
public final class OutputFolder {
    /// The folder's path.
    public let path: String
    private let staging: String
    private let created: Bool
    private var staged: [String] = []

    private init(path: String, staging: String, created: Bool) {
        self.path = path
        self.staging = staging
        self.created = created
    }

    /// Opens (creating if needed) the folder at `path` for writing.
    public static func open(path: String) throws(OutputError) -> OutputFolder {
        let manager = FileManager.default
        let topCreated = try create(path: path)
        let staging = (path as NSString).appendingPathComponent(".staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            if let topCreated { try? manager.removeItem(atPath: topCreated) }
            throw OutputError(path: path, message: "output folder is not writable (\(reason(error)))")
        }
        return OutputFolder(path: path, staging: staging, created: topCreated != nil)
    }

    /// Stages `contents` as the file `name`; it appears in the folder only on ``commit()``.
    public func write(_ name: String, _ contents: Data) throws(OutputError) {
        let target = (staging as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: target, contents: contents) else {
            throw OutputError(path: (path as NSString).appendingPathComponent(name), message: "cannot write file")
        }
        staged.append(name)
    }

    /// Moves every staged file into the folder, replacing older files of the same name.
    public func commit() throws(OutputError) {
        for name in staged {
            let source = (staging as NSString).appendingPathComponent(name)
            let destination = (path as NSString).appendingPathComponent(name)
            guard rename(source, destination) == 0 else {
                let message = String(cString: strerror(errno))
                throw OutputError(path: destination, message: "cannot move file into place (\(message))")
            }
        }
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Removes staged files, and the folder itself if this run created it.
    public func discard() {
        let manager = FileManager.default
        try? manager.removeItem(atPath: staging)
        if created { try? manager.removeItem(atPath: path) }
    }

    /// Creates the folder at `path` and any missing parents; returns the outermost folder it
    /// created, to remove on failure (nil when `path` already was a folder).
    static func create(path: String) throws(OutputError) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: path, message: "exists and is not a folder") }
            return nil
        }
        let topCreated = firstMissingAncestor(of: path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, message: "cannot create output folder (\(reason(error)))")
        }
        return topCreated
    }

    /// The outermost folder of `path` that does not exist yet, as an absolute path. Taken apart
    /// with URL: `NSString.deletingLastPathComponent` traps on one-character paths on Linux.
    private static func firstMissingAncestor(of path: String) -> String {
        var missing = URL(fileURLWithPath: path).standardizedFileURL
        while true {
            let parent = missing.deletingLastPathComponent()
            if parent.path == missing.path || FileManager.default.fileExists(atPath: parent.path) {
                return missing.path
            }
            missing = parent
        }
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileWriteNoPermissionError {
            return "permission denied"
        }
        return nsError.localizedDescription
    }
}
