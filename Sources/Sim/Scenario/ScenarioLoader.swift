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
/// one whole; `name` is never inherited.
///
/// Overrides are `key.path=value` strings applied after `extends`. The value is read as TOML
/// (`ticks=50`, `graph.model="scale-free"`, `traits.hardship={ distribution = "constant", value = 0.5 }`);
/// text that is not TOML is taken as a string (`graph.model=scale-free`). Setting a table's
/// `distribution` drops the parameters the new distribution does not take.
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
        let scenario = try ScenarioDecoder(defaultName: name.hasSuffix(".toml") ? String(name.dropLast(5)) : name)
            .decode(tree)
        return LoadedScenario(scenario: scenario, resolvedTOML: ScenarioEncoder.toml(scenario), sourcePath: path)
    }

    /// Parses `text` and merges it over the scenario it extends, if any. `chain` holds the
    /// canonical paths and display paths of the files that extend this one.
    private func resolve(text: String, path: String, chain: [(canonical: String, display: String)])
        throws(ScenarioError) -> ScenarioNode
    {
        let tree = try ScenarioNode.parse(text, source: ScenarioSource(path: path, text: text))
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
        let folder = (path as NSString).deletingLastPathComponent
        let relative =
            target.hasPrefix("/") || folder.isEmpty ? target : (folder as NSString).appendingPathComponent(target)
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
        let path = override[..<equals].split(separator: ".", omittingEmptySubsequences: false).map {
            String($0.trimmingCharacters(in: .whitespaces))
        }
        guard path.allSatisfy({ !$0.isEmpty && TOMLFormat.key($0) == $0 }) else { throw malformed }
        let text = override[override.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return set(overrideValue(text), at: path[...], in: tree)
    }

    /// The override value `text` read as a TOML value, or as a string when it is not one.
    private static func overrideValue(_ text: String) -> ScenarioNode {
        let origin = ScenarioNode.Origin.override(text: text)
        guard let table = try? TOMLTable(string: "value = \(text)"), table.count == 1, let value = table["value"] else {
            return ScenarioNode(.string(text), origin: origin)
        }
        return ScenarioNode(value, origin: origin)
    }

    private static func set(_ value: ScenarioNode, at path: ArraySlice<String>, in node: ScenarioNode)
        -> ScenarioNode
    {
        guard let key = path.first else { return node.merged(with: value) }
        var entries = node.entries ?? [:]
        if path.count == 1, key == "distribution", case .string(let name) = value.value,
            let kind = ScenarioDecoder.DistributionKind(rawValue: name)
        {
            entries = entries.filter { kind.parameters.contains($0.key) }
        }
        let empty = ScenarioNode(.table([:]), origin: .override(text: nil))
        entries[key] = set(value, at: path.dropFirst(), in: entries[key] ?? empty)
        return ScenarioNode(.table(entries), origin: .override(text: nil))
    }
}
