import Agents
import Foundation

/// Traits read from a population CSV: a header naming traits (any subset of the trait names, in
/// any order), then one row per citizen; citizen ids are row numbers from 0.
public struct PopulationTable: Sendable {
    /// Number of citizens (data rows).
    public let rowCount: Int
    /// Values of the traits the file gives.
    public let columns: [Trait: [Float]]

    /// Reads and checks `path`. Every cell must be a number within its trait's range.
    public static func read(path: String) throws(InputError) -> PopulationTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read population file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, message: "population file is not UTF-8 text")
        }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .makeIterator()
        var traits: [Trait] = []
        var values: [[Float]] = []
        var rowCount = 0
        while let (index, line) = lines.next() {
            let lineNumber = index + 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if traits.isEmpty {
                traits = try header(cells, file: path, line: lineNumber)
                values = Array(repeating: [], count: traits.count)
                continue
            }
            guard cells.count == traits.count else {
                throw InputError(
                    file: path, line: lineNumber,
                    message: "expected \(traits.count) cells, got \(cells.count)")
            }
            for (column, cell) in cells.enumerated() {
                let trait = traits[column]
                guard let value = Double(cell), value.isFinite, trait.range.contains(value) else {
                    throw InputError(
                        file: path, line: lineNumber,
                        message:
                            "column \(column + 1) '\(trait.rawValue)': expected a number in \(describe(trait.range)), got \"\(cell)\""
                    )
                }
                values[column].append(Float(value))
            }
            rowCount += 1
        }
        guard !traits.isEmpty, rowCount > 0 else {
            throw InputError(file: path, message: "population file has no header and rows")
        }
        return PopulationTable(rowCount: rowCount, columns: Dictionary(uniqueKeysWithValues: zip(traits, values)))
    }

    private static func header(_ cells: [String], file: String, line: Int) throws(InputError) -> [Trait] {
        var traits: [Trait] = []
        for cell in cells {
            guard let trait = Trait(rawValue: cell) else {
                let names = Trait.allCases.map(\.rawValue).joined(separator: ", ")
                throw InputError(
                    file: file, line: line, message: "unknown column '\(cell)'; expected trait names: \(names)")
            }
            guard !traits.contains(trait) else {
                throw InputError(file: file, line: line, message: "column '\(cell)' appears twice")
            }
            traits.append(trait)
        }
        return traits
    }

    private static func describe(_ range: ClosedRange<Double>) -> String {
        range.upperBound == .greatestFiniteMagnitude
            ? "[\(range.lowerBound.formatted), ∞)" : "[\(range.lowerBound.formatted), \(range.upperBound.formatted)]"
    }
}

extension Double {
    /// The value without a trailing ".0" when it is integral ("1" rather than "1.0").
    fileprivate var formatted: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
