import Testing

@testable import Sim

/// Saltelli's design: row count, row order and roles, and where each row's coordinates come from.
@Suite struct SaltelliDesignTests {
    @Test func rowCountIsBaseCountTimesDimensionsPlusTwo() {
        let design = SaltelliDesign(baseCount: 8, dimensions: 3)
        #expect(design.rowCount == 40)
        #expect(design.points().count == 40)
        #expect(SaltelliDesign(baseCount: 2, dimensions: 20).points().count == 44)
    }

    @Test func rowsAreOrderedBaseByBase() {
        let design = SaltelliDesign(baseCount: 8, dimensions: 3)
        #expect(design.role(ofRow: 0) == (0, .a))
        #expect(design.role(ofRow: 1) == (0, .b))
        #expect(design.role(ofRow: 2) == (0, .ab(0)))
        #expect(design.role(ofRow: 4) == (0, .ab(2)))
        #expect(design.role(ofRow: 5) == (1, .a))
        #expect(design.role(ofRow: 39) == (7, .ab(2)))
    }

    @Test func aAndBRowsAreABalancedBlockOfSobolPointsSplitInTwo() {
        let design = SaltelliDesign(baseCount: 16, dimensions: 3)
        let sequence = Array(SobolSequence.points(count: 31, dimensions: 6).suffix(16))
        let points = design.points()
        for (row, point) in points.enumerated() {
            let (base, role) = design.role(ofRow: row)
            switch role {
            case .a: #expect(point == Array(sequence[base][0..<3]), "row \(row)")
            case .b: #expect(point == Array(sequence[base][3..<6]), "row \(row)")
            case .ab: break
            }
            #expect(point.allSatisfy { (0..<1).contains($0) }, "row \(row)")
        }
        // Points 16 … 31 of the sequence from its origin: every coordinate takes each of the 16
        // intervals [i/16, (i+1)/16) once, and no row is GSL's first point (all 1/2).
        for column in 0..<3 {
            let a = (0..<16).map { points[$0 * 5][column] }
            #expect(Set(a.map { Int($0 * 16) }).count == 16, "column \(column) of A is balanced")
        }
        #expect(!points.contains([0.5, 0.5, 0.5]))
    }

    @Test func abRowsAreARowsWithOneColumnFromB() {
        let design = SaltelliDesign(baseCount: 16, dimensions: 4)
        let points = design.points()
        var abRows = 0
        var distinguishing = 0  // rows where A and B differ in the column taken from B
        for (row, point) in points.enumerated() {
            guard case .ab(let column) = design.role(ofRow: row).role else { continue }
            abRows += 1
            let base = row / 6
            let a = points[base * 6]
            let b = points[base * 6 + 1]
            for index in 0..<4 {
                #expect(point[index] == (index == column ? b : a)[index], "row \(row), column \(index)")
            }
            if a[column] != b[column] { distinguishing += 1 }
        }
        #expect(abRows == 16 * 4)
        // The balanced block never repeats a coordinate between A and B.
        #expect(distinguishing == abRows)
    }
}
