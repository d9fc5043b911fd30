import Foundation

/// What sweep and calibration files share: a TOML file told apart by one top-level table, that
/// names a base scenario and `--set` overrides for it.
enum StudyFile {
    /// Whether the file at `path` is TOML with a top-level table `table`.
    static func hasTable(_ table: String, path: String) -> Bool {
        guard ScenarioLibrary.isFile(path), let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8),
            let tree = try? ScenarioNode.parse(text, source: ScenarioSource(path: path, text: text))
        else { return false }
        return tree.entries?[table] != nil
    }

    /// The text of the file at `path`, a `kind` file ("sweep", "calibration") as errors call it.
    static func text(path: String, kind: String) throws(ScenarioError) -> String {
        guard ScenarioLibrary.isFile(path) else {
            throw ScenarioError(.fileNotFound, at: .file(path: path, line: nil), message: "no such \(kind) file")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ScenarioError(
                .unreadable, at: .file(path: path, line: nil), message: "cannot read the file as UTF-8 text")
        }
        return text
    }

    /// `name` of `table`, else the file name of `path` without `.toml`.
    static func name(_ table: inout TableReader, path: String) throws(ScenarioError) -> String {
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        return try table.string("name") ?? (fileName.hasSuffix(".toml") ? String(fileName.dropLast(5)) : fileName)
    }

    /// The file of the base scenario `table`'s `base` names (`what` says what the file does with it).
    static func basePath(_ table: inout TableReader, path: String, library: ScenarioLibrary, what: String)
        throws(ScenarioError) -> String
    {
        guard let base = try table.string("base") else {
            throw table.missing("base", "\(what): a path relative to this file or a shipped name")
        }
        guard let basePath = locate(base, from: path, library: library) else {
            throw table.error(
                .fileNotFound, key: "base",
                "no scenario \(TOMLFormat.string(base)): no such file next to \(path) and no shipped scenario of that name"
            )
        }
        return basePath
    }

    /// `table`'s `set` list: each override's text and line; `seedMessage`, when given, refuses a
    /// `seed=` override with that message.
    static func overrides(_ table: inout TableReader, seedMessage: String?) throws(ScenarioError) -> [(
        text: String, line: Int?
    )] {
        guard let node = table.node("set") else { return [] }
        var overrides: [(text: String, line: Int?)] = []
        for (index, element) in try TableReader.array(node, at: table.path + ["set"]).enumerated() {
            let elementPath = table.path + ["set", "[\(index)]"]
            guard case .string(let text) = element.value else {
                throw element.error(
                    .wrongType, at: elementPath, "expected a string key.path=value, got \(element.summary)")
            }
            if let seedMessage, text.split(separator: "=").first?.trimmingCharacters(in: .whitespaces) == "seed" {
                throw element.error(.invalidValue, at: elementPath, seedMessage)
            }
            overrides.append((text, line(element, elementPath)))
        }
        return overrides
    }

    /// The line `node` (at `path`) was written on.
    static func line(_ node: ScenarioNode?, _ path: [String]) -> Int? {
        guard case .file(let source)? = node?.origin else { return nil }
        return source.locator.line(of: path)
    }

    /// The scenario `target` names: a file relative to the folder of `path` (with or without
    /// `.toml`), else a shipped scenario.
    static func locate(_ target: String, from path: String, library: ScenarioLibrary) -> String? {
        // Not NSString.deletingLastPathComponent, which traps on one-character paths on Linux.
        let relative =
            target.hasPrefix("/") ? target : path.lastIndex(of: "/").map { String(path[...$0]) + target } ?? target
        for candidate in [relative, relative + ".toml"] where ScenarioLibrary.isFile(candidate) {
            return candidate
        }
        return library.path(named: target)
    }
}
