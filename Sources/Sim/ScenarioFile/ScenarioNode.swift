import TOMLKit

/// A TOML value of a scenario, remembering where it was written so errors can point there.
///
/// Scenario files are parsed with TOMLKit and converted to nodes at once; `extends` and `--set`
/// are then applied as merges of node trees.
struct ScenarioNode: Sendable {
    enum Value: Sendable {
        case table([String: ScenarioNode])
        case array([ScenarioNode])
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        /// A date or time, which no scenario key takes; the associated value names the type.
        case other(String)
    }

    /// Where a node was written.
    enum Origin: Sendable {
        /// In a scenario file.
        case file(ScenarioSource)
        /// In a `--set` override whose value text was `text`; nil for values nested in it.
        case override(text: String?)
    }

    var value: Value
    var origin: Origin

    /// Parses TOML text into a table node.
    static func parse(_ text: String, source: ScenarioSource) throws(ScenarioError) -> ScenarioNode {
        do {
            return ScenarioNode(try TOMLTable(string: text), origin: .file(source))
        } catch let error as TOMLParseError {
            throw ScenarioError(
                .syntax, at: .file(path: source.path, line: error.source.begin.line),
                message: "invalid TOML: \(error.description)")
        } catch {
            throw ScenarioError(.syntax, at: .file(path: source.path, line: nil), message: "invalid TOML: \(error)")
        }
    }

    init(_ value: Value, origin: Origin) {
        self.value = value
        self.origin = origin
    }

    init(_ toml: any TOMLValueConvertible, origin: Origin) {
        self.origin = origin
        let nested: Origin = if case .override = origin { .override(text: nil) } else { origin }
        switch toml.type {
        case .table:
            let table = toml.table ?? TOMLTable()
            var entries: [String: ScenarioNode] = [:]
            for (key, child) in table { entries[key] = ScenarioNode(child, origin: nested) }
            value = .table(entries)
        case .array:
            value = .array((toml.array ?? TOMLArray()).map { ScenarioNode($0, origin: nested) })
        case .string: value = .string(toml.string ?? "")
        case .int: value = .integer(toml.int ?? 0)
        case .double: value = .float(toml.double ?? 0)
        case .bool: value = .bool(toml.bool ?? false)
        case .date, .time, .dateTime: value = .other(toml.type.description)
        }
    }

    /// The entries when this is a table.
    var entries: [String: ScenarioNode]? {
        if case .table(let entries) = value { entries } else { nil }
    }

    /// This node with `child` laid over it: tables merge key by key, anything else is replaced.
    ///
    /// A child table naming a `distribution` replaces the table whole, so parameters of two
    /// different distributions never mix.
    func merged(with child: ScenarioNode) -> ScenarioNode {
        guard var entries, let childEntries = child.entries, childEntries["distribution"] == nil else {
            return child
        }
        for (key, node) in childEntries {
            entries[key] = entries[key].map { $0.merged(with: node) } ?? node
        }
        return ScenarioNode(.table(entries), origin: child.origin)
    }

    /// An error about this node, which sits at `path` (array indices as `[i]` components).
    func error(_ kind: ScenarioError.Kind, at path: [String], _ message: String) -> ScenarioError {
        let keyPath = path.isEmpty ? nil : TOMLFormat.keyPath(path)
        switch origin {
        case .file(let source):
            return ScenarioError(
                kind, at: .file(path: source.path, line: source.locator.line(of: path)), keyPath: keyPath,
                message: message)
        case .override:
            return ScenarioError(kind, at: .override, keyPath: keyPath, message: message)
        }
    }

    /// When this node, sitting at `path`, was written relative to others: `--set` overrides after
    /// the files, an extending file after the one it extends, and within a file by line.
    func writeOrder(at path: [String]) -> (Int, Int) {
        switch origin {
        case .file(let source): (-source.depth, source.locator.line(of: path) ?? 0)
        case .override: (Int.max, 0)
        }
    }

    /// The value as an error message quotes it: `string "abc"`, `integer 3`, `a table`.
    var summary: String {
        switch value {
        case .table: "a table"
        case .array: "an array"
        case .string(let string): "string \(TOMLFormat.string(string))"
        case .integer(let integer): "integer \(integer)"
        case .float(let float): "number \(TOMLFormat.number(float))"
        case .bool(let bool): "boolean \(bool)"
        case .other(let type): "a \(type)"
        }
    }
}

/// A scenario file's path and the positions of its keys.
struct ScenarioSource: Sendable {
    /// The path as given, used in error messages and to resolve relative paths.
    var path: String
    var locator: TOMLKeyLocator
    /// How many files extend this one, directly or not: 0 for the file loaded, 1 for the one it
    /// extends, and so on. What a file with a lower depth writes is applied later.
    var depth: Int

    init(path: String, text: String, depth: Int = 0) {
        self.path = path
        self.locator = TOMLKeyLocator(text: text)
        self.depth = depth
    }
}
