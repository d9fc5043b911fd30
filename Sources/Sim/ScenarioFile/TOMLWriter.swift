/// Builds a TOML document section by section, as resolved scenarios are written.
struct TOMLWriter {
    private var lines: [String] = []

    /// Adds `entries` (`key = value` lines) under the header of the table at `header` (`[a.b]`, or
    /// `[[a.b]]` for an element of an array of tables), or at the top of the document when
    /// `header` is nil. A table without entries adds nothing, not even its header.
    mutating func section(_ header: [String]?, _ entries: [String], array: Bool) {
        guard !entries.isEmpty else { return }
        if let header {
            if !lines.isEmpty { lines.append("") }
            let path = TOMLFormat.keyPath(header)
            lines.append(array ? "[[\(path)]]" : "[\(path)]")
        }
        lines += entries
    }

    /// The document, each line ending in a newline.
    var text: String { lines.joined(separator: "\n") + "\n" }
}
