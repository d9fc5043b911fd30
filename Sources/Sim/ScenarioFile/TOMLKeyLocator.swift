/// Finds the line on which a key was written in a TOML document.
///
/// TOMLKit does not expose node positions, so this scans the text itself: it follows `[table]` and
/// `[[array]]` headers, `key = value` lines with dotted or quoted keys, and the keys of inline
/// tables, skipping over strings, arrays and comments (which may span lines). It assumes the text
/// already parsed as TOML; on anything else it gives up on the rest of the line.
struct TOMLKeyLocator: Sendable {
    /// First line (1-based) on which each full key path was written, headers included.
    private let lines: [[String]: Int]

    init(text: String) {
        var found: [[String]: Int] = [:]
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.scanDocument { path, line in
            if found[path] == nil { found[path] = line }
        }
        lines = found
    }

    /// The line of `path`, or of its nearest enclosing key or table header when `path` itself was not
    /// written (e.g. it is an element of an array); nil when nothing on the path was written.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        private func peek(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        private mutating func advance() {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }

        mutating func scanDocument(record: (_ path: [String], _ line: Int) -> Void) {
            var table: [String] = []
            // Element counts of the arrays of tables met so far, by indexed path.
            var arrayCounts: [[String]: Int] = [:]
            while true {
                skipTrivia(newlines: true)
                guard let byte = current else { return }
                if byte == UInt8(ascii: "[") {
                    advance()
                    let isArray = current == UInt8(ascii: "[")
                    if isArray { advance() }
                    if let header = scanKey() {
                        // `[[a.b]]` adds an element to a.b; `a` itself, when an array of tables,
                        // means its last element so far.
                        var resolved: [String] = []
                        for (position, part) in header.enumerated() {
                            resolved.append(part)
                            if isArray && position == header.count - 1 {
                                let count = arrayCounts[resolved] ?? 0
                                arrayCounts[resolved] = count + 1
                                record(resolved, line)
                                resolved.append("[\(count)]")
                            } else if let count = arrayCounts[resolved] {
                                resolved.append("[\(count - 1)]")
                            }
                        }
                        table = resolved
                        record(resolved, line)
                    }
                    skipRestOfLine()
                } else if let key = scanKey() {
                    skipTrivia(newlines: false)
                    guard current == UInt8(ascii: "=") else {
                        skipRestOfLine()
                        continue
                    }
                    advance()
                    record(table + key, line)
                    scanValue(path: table + key, record: record)
                    skipRestOfLine()
                } else {
                    skipRestOfLine()
                }
            }
        }

        /// Scans one value; records the keys of inline tables and the elements of arrays (as `[i]`
        /// components, 0-based) under `path`.
        private mutating func scanValue(path: [String]?, record: (_ path: [String], _ line: Int) -> Void) {
            skipTrivia(newlines: false)
            switch current {
            case UInt8(ascii: "{"):
                advance()
                while true {
                    skipTrivia(newlines: true)
                    guard let byte = current, byte != UInt8(ascii: "}") else { break }
                    if byte == UInt8(ascii: ",") {
                        advance()
                        continue
                    }
                    guard let key = scanKey() else { return }
                    skipTrivia(newlines: false)
                    guard current == UInt8(ascii: "=") else { return }
                    advance()
                    let keyPath = path.map { $0 + key }
                    if let keyPath { record(keyPath, line) }
                    scanValue(path: keyPath, record: record)
                }
                if current != nil { advance() }
            case UInt8(ascii: "["):
                advance()
                var element = 0
                while true {
                    skipTrivia(newlines: true)
                    guard let byte = current, byte != UInt8(ascii: "]") else { break }
                    if byte == UInt8(ascii: ",") {
                        advance()
                        continue
                    }
                    let before = index
                    let elementPath = path.map { $0 + ["[\(element)]"] }
                    if let elementPath { record(elementPath, line) }
                    element += 1
                    scanValue(path: elementPath, record: record)
                    if index == before { return }
                }
                if current != nil { advance() }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                scanString()
            default:
                let stops: Set<UInt8> = Set(",]}#\n".utf8)
                while let byte = current, !stops.contains(byte) { advance() }
            }
        }

        /// Scans a dotted key of bare and quoted parts; nil when none starts here.
        private mutating func scanKey() -> [String]? {
            var parts: [String] = []
            while true {
                skipTrivia(newlines: false)
                guard let byte = current else { break }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    let start = index
                    scanString()
                    let inner = bytes[(start + 1)..<max(start + 1, index - 1)]
                    parts.append(String(decoding: inner, as: UTF8.self))
                } else if Self.isBareKeyByte(byte) {
                    let start = index
                    while let next = current, Self.isBareKeyByte(next) { advance() }
                    parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                } else {
                    break
                }
                skipTrivia(newlines: false)
                guard current == UInt8(ascii: ".") else { break }
                advance()
            }
            return parts.isEmpty ? nil : parts
        }

        /// Scans a basic, literal or multi-line string starting at the current quote.
        private mutating func scanString() {
            let quote = bytes[index]
            let isMultiline = peek(1) == quote && peek(2) == quote
            let isBasic = quote == UInt8(ascii: "\"")
            if isMultiline {
                advance()
                advance()
                advance()
                while let byte = current {
                    if isBasic && byte == UInt8(ascii: "\\") {
                        advance()
                        if current != nil { advance() }
                    } else if byte == quote && peek(1) == quote && peek(2) == quote {
                        advance()
                        advance()
                        advance()
                        while current == quote { advance() }
                        return
                    } else {
                        advance()
                    }
                }
            } else {
                advance()
                while let byte = current, byte != UInt8(ascii: "\n") {
                    advance()
                    if byte == quote { return }
                    if isBasic && byte == UInt8(ascii: "\\") && current != nil && current != UInt8(ascii: "\n") {
                        advance()
                    }
                }
            }
        }

        private mutating func skipTrivia(newlines: Bool) {
            while let byte = current {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
                    || (newlines && byte == UInt8(ascii: "\n"))
                {
                    advance()
                } else if byte == UInt8(ascii: "#") {
                    while let next = current, next != UInt8(ascii: "\n") { advance() }
                } else {
                    return
                }
            }
        }

        private mutating func skipRestOfLine() {
            while let byte = current, byte != UInt8(ascii: "\n") { advance() }
        }

        private static func isBareKeyByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
