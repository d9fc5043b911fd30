import Agents
import Testing

@testable import Sim

/// Granovetter (1978): with no grievance and no surveillance the dissent rule is exactly the
/// synchronous threshold model.
@Suite("Granovetter's riot")
struct GranovetterTests {
    /// 100 people who all see each other; person k riots once k others do.
    func crowd(thresholds: [Int]) -> Simulation {
        let n = thresholds.count
        var ties: [(UInt32, UInt32, TieKind)] = []
        for a in 0..<n {
            for b in (a + 1)..<n { ties.append((UInt32(a), UInt32(b), .social)) }
        }
        let population = Population(count: n)
        for (person, threshold) in thresholds.enumerated() {
            population.column(.threshold)[person] = Float(threshold) / Float(n - 1)
            population.column(.riskAversion)[person] = 1
        }
        var scenario = Scenario(name: "granovetter", ticks: 150)
        scenario.regime.surveillance.dissent.coverage = 0
        return Simulation(
            scenario: scenario, population: population, graph: SocialGraph(citizenCount: n, ties: ties), threads: 2)
    }

    @Test("thresholds 0, 1, ..., 99: everyone riots")
    func uniformThresholdsAllRiot() {
        let rows = crowd(thresholds: Array(0..<100)).run()
        #expect(rows.last?[.expressedDissent] == 1)
        #expect(rows[0][.expressedDissent] == 0.01)
        #expect(rows[49][.expressedDissent] == 0.5)
    }

    @Test("raise the second person's threshold to 2: only the instigator riots")
    func oneChangedThresholdStopsTheRiot() {
        var thresholds = Array(0..<100)
        thresholds[1] = 2
        let rows = crowd(thresholds: thresholds).run()
        #expect(rows.allSatisfy { $0[.expressedDissent] == 0.01 })
    }
}
