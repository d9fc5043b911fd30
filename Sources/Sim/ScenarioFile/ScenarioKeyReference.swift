/// docs/MODEL.md's parameter reference, rendered from ``ScenarioKeys``: one markdown table per
/// top-level scenario table (key, type and range, default, meaning, source), its rules, and the
/// default behaviours.
enum ScenarioKeyReference {
    /// The reference, level-3 headings and tables, ending in a newline.
    static func markdown() -> String {
        var groups: [(name: String, keys: [ScenarioKey])] = []
        for key in ScenarioKeys.all {
            let name = group(of: key)
            if groups.last?.name == name {
                groups[groups.count - 1].keys.append(key)
            } else {
                groups.append((name, [key]))
            }
        }
        var lines: [String] = []
        for (name, keys) in groups {
            lines += ["### " + (name.isEmpty ? "Top level" : "`\(name)`"), ""]
            lines += ["| key | type | default | meaning | source |", "|---|---|---|---|---|"]
            for key in keys {
                let cells = ["`\(key.path)`", type(of: key), defaultText(of: key), key.doc, key.source.description]
                lines.append(
                    "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
            }
            let rules = ScenarioKeys.rules.filter { group(ofTable: $0.table) == name }
            if !rules.isEmpty {
                lines +=
                    ["", "Rules:"]
                    + rules.map { "- \($0.table.isEmpty ? "at the top level" : "in `\($0.table)`"): \($0.text)" }
            }
            if name == "behaviours" { lines += [""] + defaultBehaviours() }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The table of the default behaviours, one row each, values as TOML.
    private static func defaultBehaviours() -> [String] {
        let table = ScenarioKeys.behaviour.table
        let rows = Behaviour.defaults.map { table.inlineValues($0, ScenarioKeys.behaviour.template) }
        let keys = rows.first?.map(\.key) ?? []
        return ["Default behaviours:", "", "| " + keys.joined(separator: " | ") + " |"]
            + ["|" + String(repeating: "---|", count: keys.count)]
            + rows.map { row in "| " + row.map { "`\($0.value)`" }.joined(separator: " | ") + " |" }
    }

    /// The top-level table a key is written in; empty for the top level's own keys.
    private static func group(of key: ScenarioKey) -> String {
        if key.components.count == 1, case .arrayOfTables = key.type { return key.path }
        return group(ofTable: key.table)
    }

    /// The top-level table holding the table at `path`.
    private static func group(ofTable path: String) -> String {
        String(path.prefix { $0 != "." && $0 != "[" })
    }

    private static func type(of key: ScenarioKey) -> String {
        guard let range = key.range else { return key.type.description }
        let twoSided = range.lower != nil && range.upper != nil
        return "\(key.type) \(twoSided ? "in " : "")\(range.notation)"
    }

    private static func defaultText(of key: ScenarioKey) -> String {
        if let text = key.defaultText { return "`\(text)`" }
        if let note = key.defaultNote { return note }
        return key.isRequired ? "required" : "none"
    }
}
