/// Keeps a run's tables of constants alive — per behaviour, per sanction, per perk — while the
/// mechanisms' constants, which must stay plain values, point into them.
///
/// Each mechanism builds its own tables (see its `Constants`); the tables are read-only during a
/// tick, except each perk's minimum score, which the simulation updates between ticks.
final class ConstantTables: @unchecked Sendable {
    private var columns: [AnyObject] = []

    init() {}

    /// A copy of `values` that lives as long as the tables.
    func keep<Element: BitwiseCopyable>(_ values: [Element]) -> UnsafeMutablePointer<Element> {
        let column = Column(values)
        columns.append(column)
        return column.base
    }
}
