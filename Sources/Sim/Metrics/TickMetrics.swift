/// What one tick looks like: one row of `timeseries.csv` (docs/MODEL.md, "Metrics"), a value per
/// column of its ``MetricsLayout``.
public struct TickMetrics: Sendable, Equatable {
    /// The columns the values are for.
    public let layout: MetricsLayout
    /// One value per column, in the order of `layout.columnNames`; counts are whole numbers.
    public let values: [Double]

    /// The tick, 1 for the state after the first update.
    public var tick: Int { Int(self[.tick]) }

    /// The value of `column` (which the scenario must have).
    public subscript(column: MetricColumn) -> Double {
        guard let index = layout.index(of: column.name) else {
            preconditionFailure("this scenario has no column \(column.name)")
        }
        return values[index]
    }

    /// The values of `family`'s columns, one per element in scenario order.
    public subscript(family: MetricFamily) -> [Double] {
        Array(values[layout.indices(ofFamily: family.prefix)])
    }

    public static func == (lhs: TickMetrics, rhs: TickMetrics) -> Bool {
        lhs.values == rhs.values && (lhs.layout === rhs.layout || lhs.layout.columnNames == rhs.layout.columnNames)
    }
}
