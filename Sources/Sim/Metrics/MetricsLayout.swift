/// The columns of `timeseries.csv` for one scenario: ``MetricColumns`` with each family expanded
/// over the scenario's elements and the columns a scenario lacks left out, then, with
/// `represents`, every count column again scaled to the represented population
/// (`<name>_represented`, rounded).
public final class MetricsLayout: Sendable {
    /// One column as this scenario has it.
    struct Column: Sendable {
        let name: String
        let kind: MetricColumn.Kind
        let value: @Sendable (TickObservation) -> Double
    }

    private let columns: [Column]
    /// The index in ``columns`` of each column's name.
    private let indices: [String: Int]
    /// The indices in ``columns`` of each family's columns, by prefix.
    private let families: [String: Range<Int>]
    /// Per represented column, the index of the count it scales; and the scale, represented / N.
    private let represented: [Int]
    private let scale: Double

    /// The layout of `scenario`'s timeseries with `population` citizens.
    public init(scenario: Scenario, population: Int) {
        var columns: [Column] = []
        var families: [String: Range<Int>] = [:]
        for entry in MetricColumns.all {
            switch entry {
            case .column(let column):
                guard column.isIncluded(scenario) else { continue }
                columns.append(Column(name: column.name, kind: column.kind, value: column.value))
            case .family(let family):
                let start = columns.count
                for (index, member) in family.members(scenario).enumerated() {
                    let value = family.value
                    columns.append(Column(name: family.prefix + member, kind: family.kind) { value($0, index) })
                }
                families[family.prefix] = start..<columns.count
            }
        }
        let counts = columns.indices.filter { columns[$0].kind == .count }
        if let represents = scenario.represents {
            represented = counts
            scale = Double(represents) / Double(population)
        } else {
            represented = []
            scale = 1
        }
        indices = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
        self.columns = columns
        self.families = families
    }

    /// Column names, in order.
    public var columnNames: [String] {
        columns.map(\.name) + represented.map { columns[$0].name + "_represented" }
    }

    /// Every column's value at the tick `observation` describes, in the order of ``columnNames``.
    func values(_ observation: TickObservation) -> [Double] {
        var values = columns.map { $0.value(observation) }
        values += represented.map { (values[$0] * scale).rounded() }
        return values
    }

    /// The cells of `metrics`' row, in the order of ``columnNames``: whole numbers for integer
    /// and count columns, the shortest round-trip text for real ones (``CSVNumber``).
    public func row(_ metrics: TickMetrics) -> [String] {
        metrics.values.enumerated().map { index, value in
            index < columns.count && columns[index].kind != .real ? String(Int(value)) : CSVNumber.format(value)
        }
    }

    /// The index of the column named `name`, if this scenario has it.
    func index(of name: String) -> Int? {
        indices[name]
    }

    /// The indices of the columns of the family with prefix `prefix`.
    func indices(ofFamily prefix: String) -> Range<Int> {
        families[prefix] ?? 0..<0
    }
}
