import Foundation
import TOMLKit

/// A scenario loaded from a file, with the text that reproduces it.
public struct LoadedScenario: Sendable {
    /// The scenario, with `extends` and overrides applied and defaults filled in.
    public var scenario: Scenario
    /// The scenario as a complete TOML file without `extends`: loading it gives `scenario` again.
    public var resolvedTOML: String
    /// The path of the scenario file, as given.
    public var sourcePath: String

    public init(scenario: Scenario, resolvedTOML: String, sourcePath: String) {
        self.scenario = scenario
        self.resolvedTOML = resolvedTOML
        self.sourcePath = sourcePath
    }
}

/// Loads scenario files: parses the TOML, follows `extends`, applies `--set` overrides and
/// validates every key, failing with a one-line ``ScenarioError`` that names file, line and key.
///
/// `extends = "other"` names a file relative to the extending file's folder (with or without
/// `.toml`), or else a shipped scenario of ``ScenarioLibrary``. The extending file's tables are
/// merged over the other's key by key; a table naming a `distribution` replaces the inherited
/// one whole, and so does any array, arrays of tables included (`[[behaviours]]`,
/// `[[score.grades]]`, `[[sanctions]]`, `[[perks]]`: elements are never merged); `name` is never
/// inherited.
///
/// Overrides are `key.path=value` strings applied after `extends`. The value is read as TOML
/// (`ticks=50`, `graph.model="scale-free"`, `traits.hardship={ distribution = "constant", value = 0.5 }`);
/// text that is not TOML is taken as a string (`graph.model=scale-free`). Setting a table's
/// `distribution` drops the parameters the new distribution does not take. A key of one element
/// of an array of tables written in the scenario is set with a 0-based index
/// (`sanctions[0].duration=30`); a whole array is replaced by a TOML array value (`behaviours=[]`).
/// Setting a `trigger` replaces the trigger table rather than merging into it.
public struct ScenarioLoader: Sendable {
    /// Where `extends` looks up shipped scenario names.
    public var library: ScenarioLibrary

    public init(library: ScenarioLibrary = .default) {
        self.library = library
    }

    /// Loads the scenario file at `path` (or, when no such file exists, the shipped scenario of
    /// that name), then applies `overrides` (`key.path=value`).
    public func load(path: String, overrides: [String] = []) throws(ScenarioError) -> LoadedScenario {
        let file = library.resolve(path) ?? path
        return try load(tomlText: try Self.read(file), path: file, overrides: overrides)
    }

    /// Loads a scenario from `tomlText`, as if read from `path`: `path` names it in errors, gives
    /// its default name, and is the base of its relative paths and `extends`.
    public func load(tomlText: String, path: String, overrides: [String] = []) throws(ScenarioError)
        -> LoadedScenario
    {
        var tree = try resolve(text: tomlText, path: path, chain: [])
        for override in overrides {
            tree = try Self.apply(override, to: tree)
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let scenario = try ScenarioKeys.decode(tree, name: name.hasSuffix(".toml") ? String(name.dropLast(5)) : name)
        return LoadedScenario(scenario: scenario, resolvedTOML: ScenarioKeys.toml(scenario), sourcePath: path)
    }

    /// Parses `text` and merges it over the scenario it extends, if any. `chain` holds the
    /// canonical paths and display paths of the files that extend this one.
    private func resolve(text: String, path: String, chain: [(canonical: String, display: String)])
        throws(ScenarioError) -> ScenarioNode
    {
        let tree = try ScenarioNode.parse(text, source: ScenarioSource(path: path, text: text, depth: chain.count))
        guard var entries = tree.entries, let extends = entries.removeValue(forKey: "extends") else { return tree }
        guard case .string(let target) = extends.value else {
            throw extends.error(.wrongType, at: ["extends"], "expected a string, got \(extends.summary)")
        }
        let chain = chain + [(Self.canonical(path), path)]
        guard let parentPath = locate(target, extendedBy: path) else {
            throw extends.error(
                .extendsNotFound, at: ["extends"],
                "no scenario \(TOMLFormat.string(target)): no such file next to \(path) and no shipped scenario of that name"
            )
        }
        if let start = chain.firstIndex(where: { $0.canonical == Self.canonical(parentPath) }) {
            let cycle = chain[start...].map(\.display) + [parentPath]
            throw extends.error(.extendsCycle, at: ["extends"], "extends cycle: \(cycle.joined(separator: " -> "))")
        }
        var parent = try resolve(text: try Self.read(parentPath), path: parentPath, chain: chain)
        if var parentEntries = parent.entries {
            parentEntries["name"] = nil
            parent.value = .table(parentEntries)
        }
        return parent.merged(with: ScenarioNode(.table(entries), origin: tree.origin))
    }

    /// The file `extends = "target"` names: a path relative to the extending file's folder, with or
    /// without `.toml`, else a shipped scenario.
    private func locate(_ target: String, extendedBy path: String) -> String? {
        // Not NSString.deletingLastPathComponent, which traps on one-character paths on Linux.
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let relative = target.hasPrefix("/") ? target : folder + target
        for candidate in [relative, relative + ".toml"] where ScenarioLibrary.isFile(candidate) {
            return candidate
        }
        return library.path(named: target)
    }

    private static func read(_ path: String) throws(ScenarioError) -> String {
        guard ScenarioLibrary.isFile(path) else {
            throw ScenarioError(.fileNotFound, at: .file(path: path, line: nil), message: "no such scenario file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(.unreadable, at: .file(path: path, line: nil), message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(.unreadable, at: .file(path: path, line: nil), message: "not UTF-8 text")
        }
        return text
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Applies one `key.path=value` override.
    private static func apply(_ override: String, to tree: ScenarioNode) throws(ScenarioError) -> ScenarioNode {
        let malformed = ScenarioError(
            .malformedOverride, at: .override, keyPath: override, message: "expected key.path=value")
        guard let equals = override.firstIndex(of: "=") else { throw malformed }
        var path: [OverrideKey] = []
        for part in override[..<equals].split(separator: ".", omittingEmptySubsequences: false) {
            guard let key = OverrideKey(part.trimmingCharacters(in: .whitespaces)) else { throw malformed }
            path.append(key)
        }
        let text = override[override.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return try set(overrideValue(text), at: path[...], in: tree, written: [])
    }

    /// One component of an override's key path: a bare key, optionally with a 0-based element
    /// index of an array of tables (`sanctions[0]`).
    private struct OverrideKey {
        var key: String
        var index: Int?

        init?(_ text: String) {
            var key = Substring(text)
            if key.hasSuffix("]"), let open = key.firstIndex(of: "[") {
                guard let index = Int(key[key.index(after: open)..<key.index(before: key.endIndex)]), index >= 0
                else { return nil }
                self.index = index
                key = key[..<open]
            }
            guard !key.isEmpty, TOMLFormat.key(String(key)) == String(key) else { return nil }
            self.key = String(key)
        }
    }

    /// The override value `text` read as a TOML value, or as a string when it is not one.
    private static func overrideValue(_ text: String) -> ScenarioNode {
        let origin = ScenarioNode.Origin.override(text: text)
        guard let table = try? TOMLTable(string: "value = \(text)"), table.count == 1, let value = table["value"] else {
            return ScenarioNode(.string(text), origin: origin)
        }
        return ScenarioNode(value, origin: origin)
    }

    /// `node` with `value` set at `path`; `written` is the key path of `node`, for errors.
    private static func set(
        _ value: ScenarioNode, at path: ArraySlice<OverrideKey>, in node: ScenarioNode, written: [String]
    ) throws(ScenarioError) -> ScenarioNode {
        guard let component = path.first else { return node.merged(with: value) }
        let key = component.key
        var entries = node.entries ?? [:]
        if path.count == 1, component.index == nil, key == "distribution", case .string(let name) = value.value,
            let kind = DistributionKind(rawValue: name)
        {
            entries = entries.filter { kind.parameters.contains($0.key) }
        }
        let keyPath = written + [key]
        if let index = component.index {
            guard let array = entries[key] else {
                throw ScenarioError(
                    .invalidValue, at: .override, keyPath: TOMLFormat.keyPath(keyPath),
                    message: "not written in the scenario, so it has no element [\(index)] to change; "
                        + "write the array in the file")
            }
            guard case .array(var elements) = array.value else {
                throw ScenarioError(
                    .invalidValue, at: .override, keyPath: TOMLFormat.keyPath(keyPath),
                    message: "not an array, so it has no element [\(index)]")
            }
            guard index < elements.count else {
                throw ScenarioError(
                    .invalidValue, at: .override, keyPath: TOMLFormat.keyPath(keyPath + ["[\(index)]"]),
                    message: "no such element: the array has \(elements.count) (indices start at 0)")
            }
            elements[index] = try set(
                value, at: path.dropFirst(), in: elements[index], written: keyPath + ["[\(index)]"])
            entries[key] = ScenarioNode(.array(elements), origin: array.origin)
        } else {
            if path.count > 1, let array = entries[key], case .array = array.value {
                throw ScenarioError(
                    .invalidValue, at: .override, keyPath: TOMLFormat.keyPath(keyPath),
                    message: "an array of tables: set a key of one element as \(TOMLFormat.keyPath(keyPath))[0]."
                        + "\(path.dropFirst().map(\.key).joined(separator: ".")), or edit the array in the file")
            }
            let empty = ScenarioNode(.table([:]), origin: .override(text: nil))
            if path.count == 1, key == "trigger" {
                // A trigger names one condition: a new one replaces the old rather than joining it.
                entries[key] = value
            } else {
                entries[key] = try set(value, at: path.dropFirst(), in: entries[key] ?? empty, written: keyPath)
            }
        }
        return ScenarioNode(.table(entries), origin: .override(text: nil))
    }
}
