/// A rule between the keys of one scenario table that no single key can state, run at a fixed
/// point of the table's reading so that a file with several faults always reports the same one.
struct KeyCheck<Root>: Sendable {
    /// When the rule runs.
    enum Moment: Sendable, Equatable {
        /// Before any key of the table is read.
        case start
        /// Right after `key` is read, or found not written.
        case after(String)
        /// After every key is read and no unknown key was found.
        case end
    }

    /// The rule in words, as the parameter reference states it.
    let rule: String
    let moment: Moment
    /// Throws when `value`, read from `table`, breaks the rule.
    let body: @Sendable (_ table: TableReader, _ value: inout Root) throws(ScenarioError) -> Void

    init(
        _ rule: String, at moment: Moment,
        _ body: @escaping @Sendable (_ table: TableReader, _ value: inout Root) throws(ScenarioError) -> Void
    ) {
        self.rule = rule
        self.moment = moment
        self.body = body
    }

    /// Exactly one of `keys` is given (`{ score_below = 600 }`, not both or none of the trigger keys).
    static func exactlyOne(of keys: [String]) -> KeyCheck {
        let choices = keys.joined(separator: ", ")
        return KeyCheck("exactly one of \(choices)", at: .end) { table, _ throws(ScenarioError) in
            let given = keys.filter(table.contains)
            guard given.count != 1 else { return }
            if given.isEmpty {
                throw table.node.error(.missingKey, at: table.path, "expected exactly one of \(choices); got none")
            }
            throw table.node.error(
                .invalidValue, at: table.path,
                "expected exactly one of \(choices); got \(given.joined(separator: " and "))")
        }
    }
}
