import Foundation

/// A CSV table built in memory: a header and rows of already-formatted cells.
///
/// Cells are written as given; the simulator's cells are numbers and plain names, and any cell
/// holding a comma, quote or line break is quoted as RFC 4180 says.
public struct CSVTable: Sendable {
    /// Column names.
    public let header: [String]
    /// Rows, each as many cells as the header.
    public private(set) var rows: [[String]] = []

    public init(header: [String]) {
        self.header = header
    }

    /// Appends a row of `cells` (one per column).
    public mutating func append(_ cells: [String]) {
        precondition(cells.count == header.count, "row has \(cells.count) cells, header \(header.count)")
        rows.append(cells)
    }

    /// The table as UTF-8 CSV with `\n` line ends.
    public var data: Data {
        var text = line(header)
        for row in rows { text += line(row) }
        return Data(text.utf8)
    }

    private func line(_ cells: [String]) -> String {
        cells.map(Self.escape).joined(separator: ",") + "\n"
    }

    /// The cells of one CSV record `line` (without its line end), unquoting quoted cells as
    /// RFC 4180 says; the inverse of how rows are written.
    public static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch (character, quoted) {
            case ("\"", false) where cell.isEmpty: quoted = true
            case ("\"", true):
                if let next = characters.next() {
                    if next == "\"" {
                        cell.append("\"")
                    } else {
                        quoted = false
                        if next == "," {
                            cells.append(cell)
                            cell = ""
                        } else {
                            cell.append(next)
                        }
                    }
                } else {
                    quoted = false
                }
            case (",", false):
                cells.append(cell)
                cell = ""
            default: cell.append(character)
            }
        }
        cells.append(cell)
        return cells
    }

    private static func escape(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
