/// One column of `timeseries.csv` (and, after `population`, a `final_<name>` column of
/// `summary.csv`): its name, the kind of number it holds, its definition (docs/MODEL.md's table),
/// and how a tick's ``TickObservation`` reduces to its value. Declared once each, in
/// ``MetricColumns``.
public struct MetricColumn: Sendable {
    /// What a column's numbers are.
    public enum Kind: Sendable {
        /// A whole number that counts nothing in the population (the tick, N).
        case integer
        /// A count of citizens, acts or ties: a whole number, repeated with `represents` as
        /// `<name>_represented`, scaled to the represented population.
        case count
        /// A real number: a share, a mean, a ratio.
        case real
    }

    /// The column's name in the CSV header.
    public let name: String
    public let kind: Kind
    /// What the column holds, one line (the docs' metrics table).
    public let definition: String
    /// Whether a scenario has the column (peer-rating columns only with peer rating).
    let isIncluded: @Sendable (Scenario) -> Bool
    /// The column's value at a tick.
    let value: @Sendable (TickObservation) -> Double

    init(
        _ name: String, _ kind: Kind, _ definition: String,
        if isIncluded: @escaping @Sendable (Scenario) -> Bool = { _ in true },
        value: @escaping @Sendable (TickObservation) -> Double
    ) {
        self.name = name
        self.kind = kind
        self.definition = definition
        self.isIncluded = isIncluded
        self.value = value
    }

    /// A column holding the count `count`, in the scenarios `isIncluded` accepts.
    static func count(
        _ name: String, _ count: Count, _ definition: String,
        if isIncluded: @escaping @Sendable (Scenario) -> Bool = { _ in true }
    ) -> MetricColumn {
        MetricColumn(name, .count, definition, if: isIncluded) { Double($0.tally[count]) }
    }

    /// A column holding the count `count` summed over ticks 1..t, in the scenarios `isIncluded`
    /// accepts.
    static func total(
        _ name: String, of count: Count, _ definition: String, if isIncluded: @escaping @Sendable (Scenario) -> Bool
    ) -> MetricColumn {
        MetricColumn(name, .count, definition, if: isIncluded) { Double($0.cumulative[count]) }
    }

    /// A column holding the count `count` as a share of the population.
    static func share(_ name: String, of count: Count, _ definition: String) -> MetricColumn {
        MetricColumn(name, .real, definition) { $0.share(count) }
    }
}

/// A family of columns, one per element of a list the scenario names (grades, lists, perks,
/// behaviours): `<prefix><element name>`, in scenario order.
public struct MetricFamily: Sendable {
    /// The columns' names are this prefix and an element's name.
    public let prefix: String
    public let kind: MetricColumn.Kind
    /// What each column holds, one line (the docs' metrics table).
    public let definition: String
    /// The elements' names in a scenario, in order.
    let members: @Sendable (Scenario) -> [String]
    /// Element `index`'s value at a tick.
    let value: @Sendable (TickObservation, Int) -> Double

    init(
        _ prefix: String, _ kind: MetricColumn.Kind, _ definition: String,
        members: @escaping @Sendable (Scenario) -> [String],
        value: @escaping @Sendable (TickObservation, Int) -> Double
    ) {
        self.prefix = prefix
        self.kind = kind
        self.definition = definition
        self.members = members
        self.value = value
    }
}
