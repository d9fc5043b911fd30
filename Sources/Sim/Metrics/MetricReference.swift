/// docs/MODEL.md's table of metrics, rendered from ``MetricColumns``: the dissent model's columns,
/// then the regime's (families as `<prefix><name>`), then the represented counts.
enum MetricReference {
    /// The tables, in markdown, ending in a newline.
    static func markdown() -> String {
        var lines = ["The dissent model's columns come first, always:", ""]
        lines += table(MetricColumns.dissentModel)
        lines += ["", "Then the regime's:", ""]
        lines += table(MetricColumns.regime)
        lines += [
            "",
            "With `represents = R`, every count column above follows again, in the same order, as "
                + "`<column>_represented`: its value × R / N, rounded.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(_ entries: [MetricColumns.Entry]) -> [String] {
        var lines = ["| column | kind | definition |", "|---|---|---|"]
        for entry in entries {
            let (name, kind, definition) =
                switch entry {
                case .column(let column): ("`\(column.name)`", column.kind, column.definition)
                case .family(let family): ("`\(family.prefix)<name>`", family.kind, family.definition)
                }
            lines.append(
                "| "
                    + [name, describe(kind), definition.replacingOccurrences(of: "|", with: "\\|")].joined(
                        separator: " | ") + " |")
        }
        return lines
    }

    private static func describe(_ kind: MetricColumn.Kind) -> String {
        switch kind {
        case .integer: "integer"
        case .count: "count"
        case .real: "real"
        }
    }
}
