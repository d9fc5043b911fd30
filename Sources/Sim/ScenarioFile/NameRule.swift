/// The characters a name in a scenario may use.
enum NameRule {
    /// Lowercase letters, digits and `_` (behaviours, sanctions, perks).
    case identifier
    /// Letters, digits, `_`, `+` and `-` (grades).
    case grade

    func allows(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        switch self {
        case .identifier: return character.isLowercase || character.isNumber || character == "_"
        case .grade: return character.isLetter || character.isNumber || "_+-".contains(character)
        }
    }

    var description: String {
        switch self {
        case .identifier: "lowercase letters, digits and _"
        case .grade: "letters, digits, _, + and -"
        }
    }
}

extension ElementTable.Check {
    /// The element's `name` follows `rule`, and no earlier element has it.
    static func names(_ rule: NameRule) -> Self {
        Self("`name` is of \(rule.description), and no two elements share one", at: .after("name")) {
            table, element, scope throws(ScenarioError) in
            let name = element.name
            guard !name.isEmpty, name.allSatisfy(rule.allows) else {
                throw table.error(
                    .invalidValue, key: "name", "expected a name of \(rule.description), got \(TOMLFormat.string(name))"
                )
            }
            if let other = scope.names[name] {
                throw table.error(
                    .invalidValue, key: "name",
                    "duplicate name \(TOMLFormat.string(name)): \(TOMLFormat.keyPath(scope.elements[other].path)) "
                        + "has it already")
            }
        }
    }
}
