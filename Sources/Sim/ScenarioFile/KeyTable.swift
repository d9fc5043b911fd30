/// The keys of one scenario table, in reading order, bound to the Swift value `Root` they fill,
/// with the rules between them.
///
/// Reading goes key by key in this order, each key checked for its type and range as it is read,
/// then fails on any key not in the table (with a did-you-mean among the table's keys), then runs
/// the table's rules. Writing gives the resolved TOML: the table's own `key = value` lines, then
/// the sections of its tables and arrays of tables.
struct KeyTable<Root>: Sendable {
    /// The keys, in reading order: the order of checks and of the keys an unknown-key error lists.
    let entries: [KeyEntry<Root>]
    /// The rules between keys, each run at its moment of the reading.
    let checks: [KeyCheck<Root>]
    /// The keys in the order resolved scenarios write them.
    let written: [KeyEntry<Root>]
    /// "a behaviour needs name, kind, rate, points and channel": the message for a missing
    /// required key.
    let requirement: String

    /// A table of `entries`, with `checks`; `writeOrder` names every key in the order resolved
    /// scenarios write them, when that differs from the reading order. `noun` names one table of
    /// the kind for messages about required keys ("behaviour").
    init(
        _ entries: [KeyEntry<Root>], checks: [KeyCheck<Root>] = [], writeOrder: [String]? = nil,
        noun: String = "table"
    ) {
        self.entries = entries
        self.checks = checks
        if let writeOrder {
            precondition(writeOrder.sorted() == entries.map(\.key).sorted(), "writeOrder must name every key once")
            written = writeOrder.map { key in entries.first { $0.key == key }! }
        } else {
            written = entries
        }
        let required = entries.filter(\.isRequired).map(\.key)
        var listed = required.dropLast().joined(separator: ", ")
        if let last = required.last { listed += listed.isEmpty ? last : " and " + last }
        requirement = "a \(noun) needs \(listed)"
    }

    /// A table whose keys are alternatives: exactly one of them is given.
    static func alternatives(_ entries: [KeyEntry<Root>]) -> KeyTable {
        KeyTable(entries, checks: [.exactlyOne(of: entries.map(\.key))])
    }

    /// Reads `reader`'s keys into `root`, which holds the defaults of the keys not written.
    /// `extraChecks` runs at each moment after the table's own checks (the rules of array elements).
    func decode(
        _ reader: inout TableReader, into root: inout Root,
        extraChecks: (KeyCheck<Root>.Moment, TableReader, inout Root) throws(ScenarioError) -> Void = { _, _, _ in }
    ) throws(ScenarioError) {
        func check(_ moment: KeyCheck<Root>.Moment) throws(ScenarioError) {
            for check in checks where check.moment == moment { try check.body(reader, &root) }
            try extraChecks(moment, reader, &root)
        }
        try check(.start)
        var deferred: [(inout Root) throws(ScenarioError) -> Void] = []
        for entry in entries {
            switch try entry.read(&reader, &root) {
            case .absent where entry.isRequired: throw reader.missing(entry.key, requirement)
            case .absent, .read: break
            case .deferred(let decode): deferred.append(decode)
            }
            try check(.after(entry.key))
        }
        try reader.finish()
        try check(.end)
        for decode in deferred { try decode(&root) }
    }

    /// Writes `root` as the table at `header` (nil: the top level), or as an element of the array
    /// of tables at `header` when `array`; `defaults` is the table's default value.
    func write(_ root: Root, defaults: Root, header: [String]?, array: Bool = false, to writer: inout TOMLWriter) {
        writer.section(header, inlineEntries(root, defaults), array: array)
        for entry in written { entry.sections(root, defaults, header ?? [], &writer) }
    }

    /// The `key = value` entries of the table's own lines.
    func inlineEntries(_ root: Root, _ defaults: Root) -> [String] {
        inlineValues(root, defaults).map { "\(TOMLFormat.key($0.key)) = \($0.value)" }
    }

    /// The keys and TOML values of the table's own lines.
    func inlineValues(_ root: Root, _ defaults: Root) -> [(key: String, value: String)] {
        written.compactMap { entry in entry.inline(root, defaults).map { (entry.key, $0) } }
    }

    /// The keys of the table at `path` and of the tables below it, given the table's default value.
    func keys(at path: [ScenarioKey.Component], default defaults: Root) -> [ScenarioKey] {
        entries.flatMap { entry in entry.component.map { entry.keys(path + [$0], defaults) } ?? [] }
    }

    /// The rules of the table at `path` and of the tables below it.
    func rules(at path: [ScenarioKey.Component]) -> [ScenarioRule] {
        checks.map { ScenarioRule(table: ScenarioKey.path(path), text: $0.rule) }
            + entries.flatMap { entry in entry.component.map { entry.rules(path + [$0]) } ?? [] }
    }
}
