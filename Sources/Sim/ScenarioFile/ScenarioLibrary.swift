import Foundation

/// The folder of shipped scenarios, which `extends` and `simctl scenarios` name without a path.
public struct ScenarioLibrary: Sendable {
    /// The folder holding the shipped `*.toml` files; nil when none was found.
    public var folder: String?

    /// A library of the scenarios in `folder`.
    public init(folder: String?) {
        self.folder = folder
    }

    /// The library found by searching, in order: the folder in the environment variable
    /// `SIMCTL_SCENARIOS`; `./scenarios`; a `scenarios` folder holding `baseline.toml` in the
    /// running executable's folder or up to 5 of its parents.
    public static var `default`: ScenarioLibrary {
        let fileManager = FileManager.default
        if let folder = ProcessInfo.processInfo.environment["SIMCTL_SCENARIOS"], !folder.isEmpty {
            return ScenarioLibrary(folder: folder)
        }
        if isDirectory("scenarios") {
            return ScenarioLibrary(folder: "scenarios")
        }
        var folder = executableURL().deletingLastPathComponent()
        for _ in 0...5 {
            let candidate = folder.appendingPathComponent("scenarios")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("baseline.toml").path) {
                return ScenarioLibrary(folder: candidate.path)
            }
            folder = folder.deletingLastPathComponent()
        }
        return ScenarioLibrary(folder: nil)
    }

    /// Names of the shipped scenarios: the sorted stems of the `*.toml` files in ``folder``.
    public func names() -> [String] {
        guard let folder, let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(".toml".count)) }.sorted()
    }

    /// The path of the shipped scenario `name`, if there is one.
    public func path(named name: String) -> String? {
        guard let folder, !name.isEmpty, !name.contains("/") else { return nil }
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name + ".toml").path
        return Self.isFile(path) ? path : nil
    }

    /// `nameOrPath` when it is an existing file, else the shipped scenario of that name.
    public func resolve(_ nameOrPath: String) -> String? {
        Self.isFile(nameOrPath) ? nameOrPath : path(named: nameOrPath)
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The running executable, symlinks resolved: `/proc/self/exe` where it exists, else the
    /// program's first argument.
    private static func executableURL() -> URL {
        let procSelf = "/proc/self/exe"
        if FileManager.default.fileExists(atPath: procSelf),
            let target = try? FileManager.default.destinationOfSymbolicLink(atPath: procSelf)
        {
            return URL(fileURLWithPath: target)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
    }
}
