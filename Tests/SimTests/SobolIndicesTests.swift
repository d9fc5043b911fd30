import Foundation
import Testing

@testable import Sim

/// Sobol indices on functions with known indices, degenerate outputs, and determinism of the bootstrap.
@Suite struct SobolIndicesTests {
    /// `f` at every row of `design`, split into the estimator's a, b and ab arrays.
    static func evaluate(_ design: SaltelliDesign, _ f: ([Double]) -> Double) -> (
        a: [Double], b: [Double], ab: [[Double]]
    ) {
        let n = design.baseCount
        var a = [Double](repeating: 0, count: n)
        var b = a
        var ab = [[Double]](repeating: a, count: design.dimensions)
        for (row, point) in design.points().enumerated() {
            let (base, role) = design.role(ofRow: row)
            switch role {
            case .a: a[base] = f(point)
            case .b: b[base] = f(point)
            case .ab(let column): ab[column][base] = f(point)
            }
        }
        return (a, b, ab)
    }

    /// Ishigami's function with a = 7, b = 0.1 on a unit-cube point mapped to [−π, π]³.
    static func ishigami(_ u: [Double]) -> Double {
        let x = u.map { -Double.pi + 2 * Double.pi * $0 }
        return sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    /// Ishigami's analytic first- and total-order indices (a = 7, b = 0.1).
    static let ishigamiIndices: (first: [Double], total: [Double]) = {
        let (a, b, pi4) = (7.0, 0.1, pow(Double.pi, 4))
        let v1 = 0.5 * pow(1 + b * pi4 / 5, 2)
        let v2 = a * a / 8
        let v13 = b * b * pi4 * pi4 * 8 / 225
        let v = v1 + v2 + v13
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
    }()

    @Test func ishigamiIndicesMatchTheAnalyticValues() throws {
        let (a, b, ab) = Self.evaluate(SaltelliDesign(baseCount: 4096, dimensions: 3), Self.ishigami)
        let indices = try #require(SobolIndices.estimate(a: a, b: b, ab: ab, seed: 1))
        let (first, total) = Self.ishigamiIndices
        #expect(abs(first[0] - 0.3139) < 1e-4 && abs(total[2] - 0.2437) < 1e-4, "analytic values")
        #expect(indices.count == 3)
        for (parameter, index) in indices.enumerated() {
            #expect(abs(index.first - first[parameter]) < 0.02, "S1 of x\(parameter + 1): \(index)")
            #expect(abs(index.total - total[parameter]) < 0.02, "ST of x\(parameter + 1): \(index)")
            #expect((index.firstLow...index.firstHigh).contains(first[parameter]), "S1 of x\(parameter + 1): \(index)")
            #expect((index.totalLow...index.totalHigh).contains(total[parameter]), "ST of x\(parameter + 1): \(index)")
        }
    }

    @Test func additiveFunctionHasEqualFirstAndTotalIndices() throws {
        let (a, b, ab) = Self.evaluate(SaltelliDesign(baseCount: 1024, dimensions: 2)) { $0[0] + 2 * $0[1] }
        let indices = try #require(SobolIndices.estimate(a: a, b: b, ab: ab, seed: 1))
        for (index, expected) in zip(indices, [0.2, 0.8]) {
            #expect(abs(index.first - expected) < 0.02, "\(index)")
            #expect(abs(index.total - expected) < 0.02, "\(index)")
        }
    }

    @Test func aLargeMeanDoesNotDrownTheFirstOrderIndex() throws {
        // An output near 0.9 that varies by a hundredth, with run-to-run noise, like a compliance
        // rate: without centring the estimate of S1 carries 0.9 times the noise of f(AB) − f(A).
        let design = SaltelliDesign(baseCount: 256, dimensions: 2)
        let (a, b, ab) = Self.evaluate(design) { point in
            let hash = sin(point[0] * 12.9898 + point[1] * 78.233) * 43758.5453
            return 0.9 + 0.01 * (point[0] + 2 * point[1]) + 0.0005 * (hash - hash.rounded(.down) - 0.5)
        }
        let indices = try #require(SobolIndices.estimate(a: a, b: b, ab: ab, seed: 1))
        for (index, expected) in zip(indices, [0.2, 0.8]) {
            #expect(abs(index.first - expected) < 0.02, "\(index)")
            #expect(index.firstLow <= expected && expected <= index.firstHigh, "\(index)")
        }
    }

    @Test func constantOutputHasNoIndices() {
        let (a, b, ab) = Self.evaluate(SaltelliDesign(baseCount: 64, dimensions: 2)) { _ in 3.5 }
        #expect(SobolIndices.estimate(a: a, b: b, ab: ab, seed: 1) == nil)
    }

    @Test func nonFiniteOutputHasNoIndices() {
        #expect(SobolIndices.estimate(a: [0, 1], b: [1, 0], ab: [[0, .nan]], seed: 1) == nil)
    }

    @Test func resamplesWithoutVarianceAreLeftOut() throws {
        // Half the resamples of two base points draw one point twice, whose A and B values are equal.
        let indices = try #require(SobolIndices.estimate(a: [0, 1], b: [0, 1], ab: [[0, 1]], seed: 1))
        let index = try #require(indices.first)
        #expect(index == SobolIndices(first: 0, firstLow: 0, firstHigh: 0, total: 0, totalLow: 0, totalHigh: 0))
    }

    @Test func theSeedAloneDecidesTheIntervals() throws {
        let (a, b, ab) = Self.evaluate(SaltelliDesign(baseCount: 256, dimensions: 3), Self.ishigami)
        let first = try #require(SobolIndices.estimate(a: a, b: b, ab: ab, resamples: 200, seed: 7))
        let again = try #require(SobolIndices.estimate(a: a, b: b, ab: ab, resamples: 200, seed: 7))
        let other = try #require(SobolIndices.estimate(a: a, b: b, ab: ab, resamples: 200, seed: 8))
        #expect(first == again)
        for (index, otherIndex) in zip(first, other) {
            #expect(index.first == otherIndex.first && index.total == otherIndex.total, "estimates ignore the seed")
            #expect(index.firstLow != otherIndex.firstLow && index.totalHigh != otherIndex.totalHigh)
        }
    }
}
