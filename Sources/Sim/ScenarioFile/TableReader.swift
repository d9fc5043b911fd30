import Foundation

/// Reads the keys of one scenario table, remembering which keys it was asked for so that
/// ``finish(context:)`` can report any other key as unknown, with a suggestion.
struct TableReader {
    /// Key path of the table.
    let path: [String]
    /// The table itself.
    let node: ScenarioNode
    private let entries: [String: ScenarioNode]
    private var known: [String] = []

    init(_ node: ScenarioNode, path: [String]) throws(ScenarioError) {
        guard let entries = node.entries else {
            throw node.error(.wrongType, at: path, "expected a table, got \(node.summary)")
        }
        self.path = path
        self.node = node
        self.entries = entries
    }

    /// Whether `key` was written, without marking it as known.
    func contains(_ key: String) -> Bool { entries[key] != nil }

    /// The node written at `key`, without marking it as known.
    func written(_ key: String) -> ScenarioNode? { entries[key] }

    /// The node at `key`, which becomes a known key.
    mutating func node(_ key: String) -> ScenarioNode? {
        allow([key])
        return entries[key]
    }

    /// Makes `keys` known without reading them.
    mutating func allow(_ keys: [String]) {
        for key in keys where !known.contains(key) { known.append(key) }
    }

    /// An error about `key`, located at the key when it was written, else at the table.
    func error(_ kind: ScenarioError.Kind, key: String, _ message: String) -> ScenarioError {
        error(kind, at: [key], message)
    }

    /// An error about the key at `keys` below this table (`["trigger", "record"]`), located at the
    /// deepest of them that was written, else at the table.
    func error(_ kind: ScenarioError.Kind, at keys: [String], _ message: String) -> ScenarioError {
        var located = node
        var level: [String: ScenarioNode]? = entries
        for key in keys {
            guard let child = level?[key] else { break }
            located = child
            level = child.entries
        }
        return located.error(kind, at: path + keys, message)
    }

    mutating func table(_ key: String) throws(ScenarioError) -> TableReader? {
        try node(key).map { node throws(ScenarioError) in try TableReader(node, path: path + [key]) }
    }

    /// A number in `range` (nil: any number, even an infinite one).
    mutating func number(_ key: String, _ range: NumberRange? = .any) throws(ScenarioError) -> Double? {
        try node(key).map { node throws(ScenarioError) in try Self.number(node, at: path + [key], range) }
    }

    mutating func integer(_ key: String, atLeast minimum: Int) throws(ScenarioError) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .integer(let value) = node.value else {
            throw node.error(.wrongType, at: path + [key], "expected an integer, got \(node.summary)")
        }
        guard value >= minimum else {
            throw node.error(.outOfRange, at: path + [key], "expected an integer >= \(minimum), got \(value)")
        }
        return value
    }

    /// A string; an unquoted `--set` value that TOML read as another scalar counts as its text.
    mutating func string(_ key: String) throws(ScenarioError) -> String? {
        guard let node = node(key) else { return nil }
        switch (node.value, node.origin) {
        case (.string(let value), _): return value
        case (.table, _), (.array, _): break
        case (_, .override(let text?)): return text
        default: break
        }
        throw node.error(.wrongType, at: path + [key], "expected a string, got \(node.summary)")
    }

    mutating func bool(_ key: String) throws(ScenarioError) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .bool(let value) = node.value else {
            throw node.error(.wrongType, at: path + [key], "expected true or false, got \(node.summary)")
        }
        return value
    }

    /// One of the raw values of `Choice`.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, of type: Choice.Type = Choice.self
    ) throws(ScenarioError) -> Choice? where Choice.RawValue == String {
        guard let raw = try string(key) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            throw error(.invalidValue, key: key, Self.choiceMessage(raw, among: Choice.allCases.map(\.rawValue)))
        }
        return choice
    }

    /// "expected one of a, b, got "c"", with a suggestion when one is close.
    static func choiceMessage(_ raw: String, among choices: [String]) -> String {
        var message = "expected one of \(choices.joined(separator: ", ")), got \(TOMLFormat.string(raw))"
        if let suggestion = suggestion(for: raw, among: choices) { message += "; did you mean '\(suggestion)'?" }
        return message
    }

    /// The error for a required `key` that was not written: `missing; <requirement>`.
    func missing(_ key: String, _ requirement: String) -> ScenarioError {
        error(.missingKey, key: key, "missing; \(requirement)")
    }

    /// The elements of the array of tables at `key` (`[[key]]` or `key = [{ … }, …]`), each read at
    /// the key path `key[i]`, i from 0.
    mutating func tables(_ key: String) throws(ScenarioError) -> [TableReader]? {
        guard let node = node(key) else { return nil }
        guard case .array(let elements) = node.value else {
            throw node.error(
                .wrongType, at: path + [key], "expected an array of tables ([[\(key)]]), got \(node.summary)")
        }
        var readers: [TableReader] = []
        for (index, element) in elements.enumerated() {
            readers.append(try TableReader(element, path: path + [key, "[\(index)]"]))
        }
        return readers
    }

    /// An array of strings, each one of the raw values of `Choice`, none repeated.
    mutating func choices<Choice: RawRepresentable & CaseIterable>(
        _ key: String, of type: Choice.Type = Choice.self
    ) throws(ScenarioError) -> [Choice]? where Choice.RawValue == String {
        guard let node = node(key) else { return nil }
        var result: [Choice] = []
        for (index, element) in try Self.array(node, at: path + [key]).enumerated() {
            let elementPath = path + [key, "[\(index)]"]
            guard case .string(let raw) = element.value else {
                throw element.error(.wrongType, at: elementPath, "expected a string, got \(element.summary)")
            }
            guard let choice = Choice(rawValue: raw) else {
                throw element.error(
                    .invalidValue, at: elementPath, Self.choiceMessage(raw, among: Choice.allCases.map(\.rawValue)))
            }
            guard !result.contains(where: { $0.rawValue == raw }) else {
                throw element.error(.invalidValue, at: elementPath, "\(TOMLFormat.string(raw)) is listed twice")
            }
            result.append(choice)
        }
        return result
    }

    /// A file path, made absolute against the folder of the scenario file that wrote it (or the
    /// current directory for `--set`).
    mutating func filePath(_ key: String) throws(ScenarioError) -> String? {
        guard let value = try string(key), let node = entries[key] else { return nil }
        let base: URL
        if case .file(let source) = node.origin {
            base = URL(fileURLWithPath: source.path).deletingLastPathComponent()
        } else {
            base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        }
        return URL(fileURLWithPath: value, relativeTo: base).standardizedFileURL.path
    }

    /// An array of numbers.
    mutating func numbers(_ key: String, _ range: NumberRange = .any) throws(ScenarioError) -> [Double]? {
        guard let node = node(key) else { return nil }
        return try Self.array(node, at: path + [key]).enumerated().map { index, element throws(ScenarioError) in
            try Self.number(element, at: path + [key, "[\(index)]"], range)
        }
    }

    /// Fails on the first key, in sorted order, that was never asked for. `context` (such as
    /// "for a beta distribution") qualifies the message.
    func finish(context: String? = nil) throws(ScenarioError) {
        guard let unknown = entries.keys.filter({ !known.contains($0) }).sorted().first else { return }
        var message = context.map { "unknown key \($0)" } ?? "unknown key"
        if let suggestion = Self.suggestion(for: unknown, among: known) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of \(known.joined(separator: ", "))"
        }
        throw error(.unknownKey, key: unknown, message)
    }

    /// The number `node` holds, which must lie in `range`; any number, even an infinite one, when
    /// `range` is nil.
    static func number(_ node: ScenarioNode, at path: [String], _ range: NumberRange?) throws(ScenarioError)
        -> Double
    {
        let value: Double
        switch node.value {
        case .integer(let integer): value = Double(integer)
        case .float(let float): value = float
        default: throw node.error(.wrongType, at: path, "expected a number, got \(node.summary)")
        }
        guard let range else { return value }
        guard range.contains(value) else {
            throw node.error(.outOfRange, at: path, "expected \(range), got \(TOMLFormat.number(value))")
        }
        return value
    }

    static func array(_ node: ScenarioNode, at path: [String]) throws(ScenarioError) -> [ScenarioNode] {
        guard case .array(let elements) = node.value else {
            throw node.error(.wrongType, at: path, "expected an array, got \(node.summary)")
        }
        return elements
    }

    /// The candidate closest to a mistyped `key`: within an edit distance that grows with the key's
    /// length (at most 2), else one that starts with `key` or that `key` starts with.
    static func suggestion(for key: String, among candidates: [String]) -> String? {
        let limit = min(2, max(1, key.count / 3))
        let nearest = candidates.map { (candidate: $0, distance: editDistance(key, $0)) }
            .filter { $0.distance <= limit }
            .min { $0.distance < $1.distance }
        if let nearest { return nearest.candidate }
        return candidates.first { candidate in
            min(candidate.count, key.count) >= 3 && (candidate.hasPrefix(key) || key.hasPrefix(candidate))
        }
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions
    /// of adjacent characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
