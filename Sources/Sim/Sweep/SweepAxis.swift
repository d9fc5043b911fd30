import Foundation

/// One axis of a sweep: one scenario key path, or several linked ones, and the values it takes, each
/// applied to a run as `--set key.path=value` would be.
///
/// Linked keys move together: an axis value v sets key i to v · factor i (the factors default to 1),
/// so one axis can, say, place street and traffic cameras at a fixed ratio.
public struct SweepAxis: Sendable, Equatable {
    /// One value of the axis: the TOML text set at the key path and the text of its `sweep.csv` cell.
    public struct Value: Sendable, Equatable {
        /// The value as TOML, as `--set key.path=<toml>` takes it.
        public let toml: String
        /// The value as a `sweep.csv` cell: numbers as in the other CSV files, strings unquoted,
        /// tables and arrays as their TOML text.
        public let cell: String
        /// The value as a number, when it is one.
        public let number: Double?

        /// An integer value.
        public init(integer: Int) {
            toml = String(integer)
            cell = toml
            number = Double(integer)
        }

        /// A real value; integral values are set as TOML integers, so integer keys accept them.
        public init(real: Double) {
            toml = TOMLFormat.number(real)
            cell = CSVNumber.format(real)
            number = real
        }

        /// A value written in a sweep file's `values` list; nil for a date or time, which no scenario
        /// key takes.
        init?(_ node: ScenarioNode) {
            guard let toml = Self.toml(node) else { return nil }
            self.toml = toml
            switch node.value {
            case .string(let string): cell = string
            case .float(let float): cell = CSVNumber.format(float)
            default: cell = toml
            }
            switch node.value {
            case .integer(let integer): number = Double(integer)
            case .float(let float): number = float
            default: number = nil
            }
        }

        /// The value times `factor`, rounded to 12 significant digits; the value itself when
        /// `factor` is 1. Only for numbers.
        func scaled(by factor: Double) -> Value {
            guard factor != 1 else { return self }
            guard let number else { preconditionFailure("only numbers are scaled") }
            return Value(real: SweepAxis.tidy(number * factor))
        }

        /// `node` as inline TOML: tables as `{ key = value, … }` with sorted keys.
        private static func toml(_ node: ScenarioNode) -> String? {
            switch node.value {
            case .table(let entries):
                var parts: [String] = []
                for key in entries.keys.sorted() {
                    guard let value = toml(entries[key]!) else { return nil }
                    parts.append("\(TOMLFormat.key(key)) = \(value)")
                }
                return parts.isEmpty ? "{}" : "{ " + parts.joined(separator: ", ") + " }"
            case .array(let elements):
                var parts: [String] = []
                for element in elements {
                    guard let value = toml(element) else { return nil }
                    parts.append(value)
                }
                return "[" + parts.joined(separator: ", ") + "]"
            case .string(let string): return TOMLFormat.string(string)
            case .integer(let integer): return String(integer)
            case .float(let float): return float.description
            case .bool(let bool): return String(bool)
            case .other: return nil
            }
        }
    }

    /// What the axis ranges over.
    public enum Levels: Sendable, Equatable {
        /// These values, in order (at least one).
        case values([Value])
        /// Numbers from `from` to `to`: under grid sampling `steps` evenly spaced values (both ends
        /// included); under Sobol sampling the same values when `steps` is given, else any number
        /// in between.
        case range(from: Double, to: Double, steps: Int?, integers: Bool)
    }

    /// The axis's name, its column in `sweep.csv`: `name` when the file gives one, else the key
    /// path, or the linked key paths joined by `+`.
    public let name: String
    /// The scenario key paths the axis sets, as `--set` takes them (`surveillance.dissent.coverage`,
    /// `sanctions[0].duration`): one, or several linked ones.
    public let keyPaths: [String]
    /// Each key path's factor: key i takes the axis value times `factors[i]` (all 1 unless linked).
    public let factors: [Double]
    /// The values.
    public let levels: Levels
    /// Line of the axis's `key` (or `keys`) in the sweep file, when known.
    let keyLine: Int?
    /// Line of each value (of `values`), or of `range`, when known.
    let valueLines: [Int?]

    init(name: String, keyPaths: [String], factors: [Double], levels: Levels, keyLine: Int?, valueLines: [Int?]) {
        precondition(!keyPaths.isEmpty && factors.count == keyPaths.count, "one factor per key path")
        self.name = name
        self.keyPaths = keyPaths
        self.factors = factors
        self.levels = levels
        self.keyLine = keyLine
        self.valueLines = valueLines
    }

    /// The `--set` overrides that give a run this axis's `value`: one per key path.
    public func overrides(_ value: Value) -> [String] {
        zip(keyPaths, factors).map { "\($0)=\(value.scaled(by: $1).toml)" }
    }

    /// The axis's distinct values under grid sampling, in order; nil for a range without steps.
    ///
    /// A range of `steps` values takes `from + (to − from)·i/(steps − 1)` for i in 0..<steps (just
    /// `from` when steps is 1), rounded to 12 significant digits so that 0 to 0.9 in 10 steps gives
    /// 0.1, 0.2, … rather than 0.30000000000000004; the ends are exactly `from` and `to`. When
    /// `from` and `to` are both written as integers and every value is a whole number, the values
    /// are integers.
    public var grid: [Value]? {
        switch levels {
        case .values(let values):
            return values
        case .range(let from, let to, let steps?, let integers):
            let numbers = (0..<steps).map { step -> Double in
                if step == 0 { return from }
                if step == steps - 1 { return to }
                return Self.tidy(from + (to - from) * Double(step) / Double(steps - 1))
            }
            if integers && numbers.allSatisfy({ $0.rounded() == $0 && abs($0) < 0x1p53 }) {
                return numbers.map { Value(integer: Int($0)) }
            }
            return numbers.map { Value(real: $0) }
        case .range(_, _, nil, _):
            return nil
        }
    }

    /// The value at `u` in [0, 1) of a Sobol point's coordinate: the value number ⌊u·n⌋ (from 0)
    /// of the n grid values when the axis has them (a list, or a range with steps), else
    /// `from + u·(to − from)` rounded to 12 significant digits.
    public func value(at u: Double) -> Value {
        if let grid {
            return grid[min(grid.count - 1, Int(u * Double(grid.count)))]
        }
        guard case .range(let from, let to, _, _) = levels else { preconditionFailure("a list axis has a grid") }
        return Value(real: Self.tidy(from + u * (to - from)))
    }

    /// `value` rounded to 12 significant digits, which hides the last bits of binary rounding
    /// (0.44999999999999996 becomes 0.45) and keeps far more precision than any parameter needs.
    static func tidy(_ value: Double) -> Double {
        Double(String(format: "%.12g", value)) ?? value
    }

    /// The range's ends, when the axis is a range.
    public var range: (from: Double, to: Double)? {
        guard case .range(let from, let to, _, _) = levels else { return nil }
        return (from, to)
    }

    /// The values a run can take at the extremes: every grid value, or both ends of a range without steps.
    var checkValues: [(value: Value, line: Int?)] {
        if let grid {
            if case .values = levels { return Array(zip(grid, valueLines)) }
            return grid.map { ($0, valueLines.first ?? keyLine) }
        }
        guard case .range(let from, let to, _, _) = levels else { return [] }
        return [from, to].map { (Value(real: $0), valueLines.first ?? keyLine) }
    }
}
