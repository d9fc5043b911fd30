/// Saltelli's (2010) sampling design for first- and total-order Sobol indices of k parameters.
///
/// Two N×k matrices A and B come from one 2k-dimensional Sobol sequence: base point j's first k
/// coordinates are A's row j and the next k are B's row j. The base points are the sequence's
/// points N … 2N − 1 counted from its origin (``SobolSequence`` points N − 1 … 2N − 2, GSL
/// leaving the origin out): a balanced block of N points, as SALib's `skip_values = N`, which
/// avoids the sequence's first points, where A's and B's rows coincide (all ½) or take only ¼ and ¾.
/// Each base point j contributes k + 2 rows: A_j, B_j and AB_j^(i) (A_j with column i taken from
/// B_j) for every parameter i.
public struct SaltelliDesign: Sendable, Equatable {
    /// What a design row is: A's row, B's row, or A's row with one column from B.
    public enum Role: Sendable, Equatable {
        case a, b
        /// A's row with column `i` (0-based) taken from B's row.
        case ab(Int)
    }

    /// The largest number of parameters: GSL's Sobol generator stops at 40 dimensions, and the
    /// design needs two per parameter.
    static let maximumDimensions = SobolSequence.maximumDimensions / 2

    /// N, the number of base points; a power of two, at least 2.
    public let baseCount: Int
    /// k, the number of parameters, 1 to 20.
    public let dimensions: Int

    /// The design for `dimensions` parameters with `baseCount` base points.
    public init(baseCount: Int, dimensions: Int) {
        precondition(baseCount >= 2 && baseCount & (baseCount - 1) == 0, "base count must be a power of two >= 2")
        precondition((1...Self.maximumDimensions).contains(dimensions), "dimensions must be 1...20")
        self.baseCount = baseCount
        self.dimensions = dimensions
    }

    /// The number of rows, N(k + 2): the runs the design needs per replicate.
    public var rowCount: Int { baseCount * (dimensions + 2) }

    /// Row r's base point (0..<N) and role; rows are ordered base by base: A_j, B_j, AB_j^(0), ..., AB_j^(k-1).
    public func role(ofRow row: Int) -> (base: Int, role: Role) {
        precondition((0..<rowCount).contains(row), "row out of range")
        let (base, offset) = row.quotientAndRemainder(dividingBy: dimensions + 2)
        switch offset {
        case 0: return (base, .a)
        case 1: return (base, .b)
        default: return (base, .ab(offset - 2))
        }
    }

    /// Every row's point in the unit cube [0,1)^k, in row order.
    public func points() -> [[Double]] {
        var rows: [[Double]] = []
        rows.reserveCapacity(rowCount)
        for point in SobolSequence.points(count: baseCount, dimensions: 2 * dimensions, skip: baseCount - 1) {
            let a = Array(point[..<dimensions])
            let b = Array(point[dimensions...])
            rows.append(a)
            rows.append(b)
            for column in 0..<dimensions {
                var mixed = a
                mixed[column] = b[column]
                rows.append(mixed)
            }
        }
        return rows
    }
}
