import Agents
import Testing

@testable import Sim

/// Public scores and tie cutting isolate the stigmatized.
@Suite("Regime: visibility")
struct RegimeVisibilityTests {
    /// Low legitimacy and some dissent surveillance: recorded dissenters are stigmatized.
    static func society(publicScores: Bool) -> Scenario {
        var scenario = RegimeFixtures.society(name: "visibility", size: 3_000, ticks: 15)
        scenario.behaviours = []
        scenario.legitimacy.value = 0.1
        scenario.regime.surveillance.dissent.coverage = 0.3
        scenario.regime.visibility = Visibility(publicScores: publicScores, cutRate: 0.5)
        return scenario
    }

    @Test("public scores with tie cutting isolate dissenters; private scores cut nothing")
    func publicScoresIsolateDissenters() throws {
        let privateRows = try RegimeFixtures.run(Self.society(publicScores: false))
        let publicRows = try RegimeFixtures.run(Self.society(publicScores: true))
        #expect(privateRows.allSatisfy { $0[.tiesCut] == 0 })
        #expect(publicRows.reduce(0) { $0 + $1[.tiesCut] } > 0)
        #expect(publicRows.contains { $0[.recordedDissent] > 0 })
        #expect(publicRows.last![.latentDissent] > 0)
        #expect(
            publicRows.last![.dissenterInDegreeRatio] < privateRows.last![.dissenterInDegreeRatio],
            "\(publicRows.last![.dissenterInDegreeRatio]) vs \(privateRows.last![.dissenterInDegreeRatio])")
        #expect(publicRows.last![.pariahs] >= privateRows.last![.pariahs])
    }

    @Test("with public scores but a cut rate of 0 nothing is cut")
    func noCutRateNoCutting() throws {
        var scenario = Self.society(publicScores: true)
        scenario.ticks = 6
        scenario.regime.visibility.cutRate = 0
        let rows = try RegimeFixtures.run(scenario)
        #expect(rows.allSatisfy { $0[.tiesCut] == 0 })
        #expect(rows.contains { $0[.recordedDissent] > 0 })
    }
}
