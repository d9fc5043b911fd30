/// One key a scenario file can set, as data: where it sits, what it takes, its default and where
/// that default comes from.
///
/// ``ScenarioKeys/all`` lists every key. The same declarations decode scenario files, check their
/// values, write resolved scenarios and suggest the key meant by an unknown one, so a key described
/// here is exactly a key the loader accepts.
public struct ScenarioKey: Sendable, Equatable {
    /// One component of a key path.
    public enum Component: Sendable, Equatable, CustomStringConvertible {
        /// A key.
        case key(String)
        /// Every element of an array of tables, written `[]`.
        case element
        /// Any one of `names`, written as `placeholder` (`<channel>`: any surveillance channel).
        case any(placeholder: String, names: [String])

        public var description: String {
            switch self {
            case .key(let key): TOMLFormat.key(key)
            case .element: "[]"
            case .any(let placeholder, _): placeholder
            }
        }
    }

    /// What a key's value is.
    public enum ValueType: Sendable, Equatable, CustomStringConvertible {
        /// A TOML integer.
        case integer
        /// A TOML integer or float.
        case number
        /// `true` or `false`.
        case boolean
        /// A string.
        case string
        /// A string naming a file, relative to the scenario file that names it.
        case filePath
        /// One of these strings.
        case choice([String])
        /// An array of these strings, none twice.
        case choices([String])
        /// A distribution table (docs/FORMATS.md, "Distributions").
        case distribution
        /// An array of `[tick, value]` pairs, ticks strictly increasing.
        case schedule
        /// An integer number of ticks, or `"permanent"`.
        case duration
        /// An array of tables, each element's keys listed after it with `[]`.
        case arrayOfTables(maximumCount: Int?)

        public var description: String {
            switch self {
            case .integer: "integer"
            case .number: "number"
            case .boolean: "true or false"
            case .string: "string"
            case .filePath: "file path"
            case .choice(let choices): "one of " + choices.joined(separator: ", ")
            case .choices(let choices): "list of " + choices.joined(separator: ", ")
            case .distribution: "distribution"
            case .schedule: "[tick, value] pairs, ticks increasing"
            case .duration: "integer >= 1 or \"permanent\""
            case .arrayOfTables(let maximum?): "array of tables, at most \(maximum)"
            case .arrayOfTables(nil): "array of tables"
            }
        }
    }

    /// Where a key's default comes from.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        /// A published figure or model: the reference.
        case citation(String)
        /// No source gives the value: why this value was chosen.
        case assumption(String)
        /// Not a model parameter: a setting of the run (names, seeds, lengths, files).
        case setting
        /// No default: each scenario gives the value and cites its source in its comment block.
        case scenario

        public var description: String {
            switch self {
            case .citation(let text): text
            case .assumption(let reason): "assumption: " + reason
            case .setting: "run setting"
            case .scenario: "given by the scenario"
            }
        }
    }

    /// The key path, component by component.
    public var components: [Component]
    /// What the value is.
    public var type: ValueType
    /// The numbers allowed, for number and integer keys; nil when any value of `type` is, or when a
    /// rule of the key's table bounds it (see `doc`).
    public var range: NumberRange?
    /// The default as TOML text, derived from the Swift type's default value; nil when there is
    /// no value (see `defaultNote`).
    public var defaultText: String?
    /// What happens when the key is left out, where that is not a value (`"the file name"`).
    public var defaultNote: String?
    /// Whether every table that has the key must give it.
    public var isRequired: Bool
    /// What the value means, with its units.
    public var doc: String
    /// Where the default comes from.
    public var source: Source

    public init(
        components: [Component], type: ValueType, range: NumberRange? = nil, defaultText: String? = nil,
        defaultNote: String? = nil, isRequired: Bool = false, doc: String, source: Source
    ) {
        self.components = components
        self.type = type
        self.range = range
        self.defaultText = defaultText
        self.defaultNote = defaultNote
        self.isRequired = isRequired
        self.doc = doc
        self.source = source
    }

    /// The key path as docs write it: `sanctions[].duration`, `surveillance.<channel>.coverage`.
    public var path: String { Self.path(components) }

    /// The path of the table holding the key (`sanctions[]`); empty at the top level.
    public var table: String { Self.path(components.dropLast()) }

    /// Whether this key is the one at `path`, a key path as error messages write it component by
    /// component (`["sanctions", "[0]", "duration"]`, `["surveillance", "street", "coverage"]`).
    public func matches(_ path: [String]) -> Bool {
        guard path.count == components.count else { return false }
        return zip(components, path).allSatisfy { component, key in
            switch component {
            case .key(let name): key == name
            case .element: key.hasPrefix("[") && key.hasSuffix("]")
            case .any(_, let names): names.contains(key)
            }
        }
    }

    /// Components joined as ``path`` joins them.
    static func path(_ components: some Collection<Component>) -> String {
        var result = ""
        for component in components {
            if case .element = component {
                result += "[]"
            } else {
                if !result.isEmpty { result += "." }
                result += component.description
            }
        }
        return result
    }
}
