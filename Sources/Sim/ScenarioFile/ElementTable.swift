/// The keys of each element of an array of tables (`[[sanctions]]`), with the rules that need
/// the other elements or the value `Parent` of the table holding the array.
///
/// Elements are read in order, each from `template`, which holds the defaults of the keys it
/// leaves out; an element's rules see the elements before it.
struct ElementTable<Parent: Sendable, Element: NamedElement>: Sendable {
    /// What an element's rules see besides the element.
    struct Scope {
        /// The table holding the array, as read so far.
        let parent: Parent
        /// Every element of the array, as written.
        let elements: [TableReader]
        /// The elements before this one, read.
        let earlier: [Element]
        /// The index of the earlier element with each name.
        let names: [String: Int]
    }

    /// A rule of an element that needs its scope.
    struct Check: Sendable {
        /// The rule in words, as the parameter reference states it.
        let rule: String
        let moment: KeyCheck<Element>.Moment
        let body:
            @Sendable (_ table: TableReader, _ element: inout Element, _ scope: Scope) throws(ScenarioError) -> Void

        init(
            _ rule: String, at moment: KeyCheck<Element>.Moment,
            _ body: @escaping @Sendable (TableReader, inout Element, Scope) throws(ScenarioError) -> Void
        ) {
            self.rule = rule
            self.moment = moment
            self.body = body
        }
    }

    /// The keys of one element.
    let table: KeyTable<Element>
    /// An element with the defaults of the keys that may be left out.
    let template: Element
    let checks: [Check]
    /// At most this many elements; nil for no limit.
    let maximumCount: Int?

    init(_ table: KeyTable<Element>, template: Element, checks: [Check], maximumCount: Int? = nil) {
        self.table = table
        self.template = template
        self.checks = checks
        self.maximumCount = maximumCount
    }

    /// The elements `readers` of the array at `key` of `parent`.
    func decode(_ readers: [TableReader], of key: String, parent: Parent) throws(ScenarioError) -> [Element] {
        if let maximumCount, readers.count > maximumCount {
            let extra = readers[maximumCount]
            throw extra.node.error(
                .invalidValue, at: extra.path, "too many \(key): at most \(maximumCount), got \(readers.count)")
        }
        var elements: [Element] = []
        var names: [String: Int] = [:]
        for reader in readers {
            let element = try decode(
                reader, in: Scope(parent: parent, elements: readers, earlier: elements, names: names))
            names[element.name] = elements.count
            elements.append(element)
        }
        return elements
    }

    /// One element, read from `template` with the rules run in `scope`.
    private func decode(_ reader: TableReader, in scope: Scope) throws(ScenarioError) -> Element {
        var reader = reader
        var element = template
        try table.decode(&reader, into: &element) { moment, reader, element throws(ScenarioError) in
            for check in checks where check.moment == moment { try check.body(reader, &element, scope) }
        }
        return element
    }

    /// The rules of the elements, at `path` (ending in `[]`).
    func rules(at path: [ScenarioKey.Component]) -> [ScenarioRule] {
        checks.map { ScenarioRule(table: ScenarioKey.path(path), text: $0.rule) } + table.rules(at: path)
    }
}

/// An element of an array of tables, which has a name unique in its array.
protocol NamedElement: Sendable {
    var name: String { get }
}

extension Behaviour: NamedElement {}
extension Grade: NamedElement {}
extension Sanction: NamedElement {}
extension Perk: NamedElement {}
