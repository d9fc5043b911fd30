/// How scenario values are written as TOML, in resolved scenarios and in error messages.
enum TOMLFormat {
    /// A TOML basic string, quoted and escaped.
    static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A number that reads back as the same `Double`: integral values without a fraction, others in
    /// Swift's shortest round-tripping form.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 0x1p53 { return String(Int(value)) }
        return String(value)
    }

    /// An array of numbers on one line.
    static func numbers(_ values: [Double]) -> String {
        "[" + values.map(number).joined(separator: ", ") + "]"
    }

    /// An array of strings on one line.
    static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// An inline table of written `key = value` entries: `{ a = 1, b = 2 }`; `{}` for none.
    static func inlineTable(_ entries: [String]) -> String {
        entries.isEmpty ? "{}" : "{ " + entries.joined(separator: ", ") + " }"
    }

    /// A dotted key path; array indices (components like `[2]`) attach without a dot.
    static func keyPath(_ path: [String]) -> String {
        var result = ""
        for component in path {
            if component.hasPrefix("[") {
                result += component
            } else {
                if !result.isEmpty { result += "." }
                result += key(component)
            }
        }
        return result
    }

    /// A key, quoted unless it is a bare key.
    static func key(_ key: String) -> String {
        let isBare =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "_" || scalar == "-"
            }
        return isBare ? key : string(key)
    }
}
