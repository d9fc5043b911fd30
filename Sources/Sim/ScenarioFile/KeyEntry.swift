/// One key of a ``KeyTable``: how it is read into the table's Swift value `Root`, how it is
/// written back, and the ``ScenarioKey``s it publishes.
///
/// A key holds a value (`value`), a table of further keys (`table`) or an array of tables
/// (`array`); `family` makes one key per name of a set (`surveillance.<channel>`).
struct KeyEntry<Root>: Sendable {
    /// What reading the key did.
    enum Outcome {
        /// The key was not written.
        case absent
        case read
        /// The key was read, but its value is decoded only after the table's rules have run
        /// (grades, whose range is the score's).
        case deferred((inout Root) throws(ScenarioError) -> Void)
    }

    /// When resolved scenarios leave a key out.
    enum Omission: Sendable {
        case never
        /// When its value equals the default's.
        case whenDefault
        /// When the condition holds.
        case when(@Sendable (Root) -> Bool)
    }

    /// The key within its table.
    let key: String
    /// Whether the table must give the key.
    let isRequired: Bool
    /// This key as a component of published key paths: `.key(key)`, a family's placeholder, or
    /// nil for a family's second and later members, which publish nothing.
    var component: ScenarioKey.Component?
    /// Reads the key from the table into the value.
    let read: @Sendable (inout TableReader, inout Root) throws(ScenarioError) -> Outcome
    /// The value written on the table's own lines (`key = value`), given the table's value and its
    /// default; nil when left out or written as sections.
    let inline: @Sendable (Root, Root) -> String?
    /// Writes the key's own sections below the table at the given header, given the table's value
    /// and its default.
    let sections: @Sendable (Root, Root, [String], inout TOMLWriter) -> Void
    /// The published keys, given the key's path and the table's default value.
    let keys: @Sendable ([ScenarioKey.Component], Root) -> [ScenarioKey]
    /// The rules of the tables below the key, given the key's path.
    let rules: @Sendable ([ScenarioKey.Component]) -> [ScenarioRule]

    /// A key holding one value, stored at `get`/`set` of the table's value.
    ///
    /// The published default is the value's TOML text in the table's default value, unless
    /// `defaultNote` says what leaving the key out means.
    static func value<Value>(
        _ key: String, get: @escaping @Sendable (Root) -> Value, set: @escaping @Sendable (inout Root, Value) -> Void,
        _ codec: ValueCodec<Value>, required: Bool = false, omitted: Omission = .never, defaultNote: String? = nil,
        doc: String, source: ScenarioKey.Source
    ) -> KeyEntry {
        KeyEntry(
            key: key, isRequired: required, component: .key(key),
            read: { table, root throws(ScenarioError) in
                guard let value = try codec.read(&table, key, get(root)) else { return .absent }
                set(&root, value)
                return .read
            },
            inline: { root, defaults in
                let text = codec.write(get(root))
                switch omitted {
                case .never: return text
                case .whenDefault: return text == codec.write(get(defaults)) ? nil : text
                case .when(let condition): return condition(root) ? nil : text
                }
            },
            sections: { _, _, _, _ in },
            keys: { path, defaults in
                [
                    ScenarioKey(
                        components: path, type: codec.type, range: codec.range,
                        defaultText: required || defaultNote != nil ? nil : codec.write(get(defaults)),
                        defaultNote: defaultNote, isRequired: required, doc: doc, source: source)
                ]
            },
            rules: { _ in [] })
    }

    /// A key holding one value, stored at `keyPath` of the table's value.
    static func value<Value>(
        _ key: String, _ keyPath: WritableKeyPath<Root, Value> & Sendable, _ codec: ValueCodec<Value>,
        required: Bool = false, omitted: Omission = .never, defaultNote: String? = nil, doc: String,
        source: ScenarioKey.Source
    ) -> KeyEntry {
        value(
            key, get: { $0[keyPath: keyPath] }, set: { $0[keyPath: keyPath] = $1 }, codec, required: required,
            omitted: omitted, defaultNote: defaultNote, doc: doc, source: source)
    }

    /// A key holding a table of further keys, read into `keyPath` of the table's value.
    ///
    /// It is written as its own section, or as an inline table (`trigger = { score_below = 600 }`)
    /// when `inline`; `omittedWhenDefault` leaves the section out when the table equals its default.
    /// The keys below a required table have no default.
    static func table<Child>(
        _ key: String, _ keyPath: WritableKeyPath<Root, Child> & Sendable, _ table: KeyTable<Child>,
        required: Bool = false, inline: Bool = false, omittedWhenDefault: Bool = false
    ) -> KeyEntry where Child: Equatable & Sendable {
        KeyEntry(
            key: key, isRequired: required, component: .key(key),
            read: { parent, root throws(ScenarioError) in
                guard var reader = try parent.table(key) else { return .absent }
                try table.decode(&reader, into: &root[keyPath: keyPath])
                return .read
            },
            inline: { root, defaults in
                guard inline else { return nil }
                return TOMLFormat.inlineTable(table.inlineEntries(root[keyPath: keyPath], defaults[keyPath: keyPath]))
            },
            sections: { root, defaults, header, writer in
                let (child, childDefaults) = (root[keyPath: keyPath], defaults[keyPath: keyPath])
                guard !inline, !(omittedWhenDefault && child == childDefaults) else { return }
                table.write(child, defaults: childDefaults, header: header + [key], to: &writer)
            },
            keys: { path, defaults in
                let keys = table.keys(at: path, default: defaults[keyPath: keyPath])
                guard required else { return keys }
                return keys.map { key in
                    var key = key
                    key.defaultText = nil
                    return key
                }
            },
            rules: { path in table.rules(at: path) })
    }

    /// A key holding an array of tables (`[[sanctions]]`), read into `keyPath` of the table's
    /// value; its elements are decoded after the table's rules when `afterRules`.
    ///
    /// An empty array is written `key = []` when the default array is not empty, and left out
    /// otherwise.
    static func array<Element>(
        _ key: String, _ keyPath: WritableKeyPath<Root, [Element]> & Sendable, _ elements: ElementTable<Root, Element>,
        afterRules: Bool = false, doc: String, source: ScenarioKey.Source
    ) -> KeyEntry {
        KeyEntry(
            key: key, isRequired: false, component: .key(key),
            read: { table, root throws(ScenarioError) in
                guard let readers = try table.tables(key) else { return .absent }
                guard !afterRules else {
                    return .deferred { root throws(ScenarioError) in
                        root[keyPath: keyPath] = try elements.decode(readers, of: key, parent: root)
                    }
                }
                root[keyPath: keyPath] = try elements.decode(readers, of: key, parent: root)
                return .read
            },
            inline: { root, defaults in
                root[keyPath: keyPath].isEmpty && !defaults[keyPath: keyPath].isEmpty ? "[]" : nil
            },
            sections: { root, _, header, writer in
                for element in root[keyPath: keyPath] {
                    elements.table.write(
                        element, defaults: elements.template, header: header + [key], array: true, to: &writer)
                }
            },
            keys: { path, defaults in
                let names = defaults[keyPath: keyPath].map(\.name)
                let key = ScenarioKey(
                    components: path, type: .arrayOfTables(maximumCount: elements.maximumCount),
                    defaultNote: names.isEmpty ? nil : names.joined(separator: ", "), doc: doc, source: source)
                return [key] + elements.table.keys(at: path + [.element], default: elements.template)
            },
            rules: { path in elements.rules(at: path + [.element]) })
    }

    /// A key that ``ScenarioLoader`` handles before any table is read (`extends`): published, but
    /// neither read nor written here, nor offered for an unknown key.
    static func loaderKey(
        _ key: String, type: ScenarioKey.ValueType, defaultNote: String, doc: String, source: ScenarioKey.Source
    ) -> KeyEntry {
        KeyEntry(
            key: key, isRequired: false, component: .key(key), read: { _, _ in .absent }, inline: { _, _ in nil },
            sections: { _, _, _, _ in },
            keys: { path, _ in
                [ScenarioKey(components: path, type: type, defaultNote: defaultNote, doc: doc, source: source)]
            },
            rules: { _ in [] })
    }

    /// One key per name of `Name` (`surveillance.dissent`, `surveillance.street`, ...), each made by
    /// `make`, published once with `placeholder` in place of the name.
    static func family<Name: RawRepresentable & CaseIterable>(
        _ placeholder: String, _ names: Name.Type, _ make: (Name) -> KeyEntry
    ) -> [KeyEntry] where Name.RawValue == String {
        let all = Name.allCases.map(\.rawValue)
        return Name.allCases.enumerated().map { index, name in
            var entry = make(name)
            entry.component = index == 0 ? .any(placeholder: placeholder, names: all) : nil
            return entry
        }
    }
}
