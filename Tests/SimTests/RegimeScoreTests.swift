import Agents
import Testing

@testable import Sim

/// Guilt by association and grades.
@Suite("Regime: scores")
struct RegimeScoreTests {
    /// Citizen 0 (hardship 0) never offends; its ties 1 and 2 (hardship 1) offend every tick and
    /// every offence is recorded for −50. Tie 0–1 is social, tie 0–2 family.
    static func badCompany(_ configure: (inout Scenario) -> Void) -> Simulation {
        var scenario = Scenario(name: "company", seed: 4, ticks: 10)
        scenario.behaviours = [RegimeFixtures.hardshipDriven("fraud", points: -50, channel: .judicial)]
        scenario.regime.surveillance[.judicial].coverage = 1
        scenario.regime.score.resolution = 1
        configure(&scenario)
        return RegimeFixtures.handMade(scenario, citizens: 3, ties: [(0, 1, .social), (0, 2, .family)]) { population in
            population.column(.hardship)[1] = 1
            population.column(.hardship)[2] = 1
            population.column(.threshold)[0] = 1
            population.column(.threshold)[1] = 1
            population.column(.threshold)[2] = 1
        }
    }

    @Test("guilt by association: a citizen tied only to low scorers ends lower with a pull than without")
    func associationPull() {
        let alone = Self.badCompany { _ in }
        let pulled = Self.badCompany { $0.regime.score.association.pull = 0.3 }
        let aloneRows = alone.run()
        _ = pulled.run()
        #expect(aloneRows.allSatisfy { $0[.acts][0] == 2 }, "citizens 1 and 2 offend every tick, citizen 0 never")
        #expect(alone.state.score[0] == alone.scenario.regime.score.steps(1000), "no pull: an innocent keeps its score")
        #expect(pulled.state.score[0] < alone.state.score[0])
        #expect(pulled.scenario.regime.score.points(atSteps: pulled.state.score[0]) < 900)
        #expect(pulled.state.score[1] > alone.state.score[1], "the pull works both ways: offenders are pulled up")
    }

    @Test("a listed tie costs listed_tie_penalty × its weight per tick (family ties weigh family_weight)")
    func listedTiePenalty() {
        let simulation = Self.badCompany { scenario in
            scenario.regime.score.association = Association(pull: 0, familyWeight: 2, listedTiePenalty: 5)
            scenario.regime.sanctions = [Sanction(name: "debtors", trigger: .scoreBelow(900), duration: nil)]
        }
        let rules = simulation.scenario.regime.score
        var penalised = 0
        while simulation.tick < simulation.scenario.ticks {
            let before = simulation.state.score[0]
            let socialListed = simulation.state.sanctionLeft[0][1] > 0
            let familyListed = simulation.state.sanctionLeft[0][2] > 0
            let row = simulation.step()
            #expect(row[.acts][0] == 2)
            let expected = (socialListed ? 5.0 : 0) + (familyListed ? 10.0 : 0)
            if expected > 0 { penalised += 1 }
            let lost = rules.points(atSteps: before) - rules.points(atSteps: simulation.state.score[0])
            #expect(abs(lost - expected) < 1e-9, "tick \(row.tick)")
        }
        // 1000 → 950 → 900 → 850: both offenders are listed from tick 3 and cost from tick 4 on.
        #expect(penalised == simulation.scenario.ticks - 3)
        #expect(simulation.state.sanctionLeft[0][0] != 0, "citizen 0 ends on the list through its ties alone")
    }

    @Test("grade shares sum to 1 and match a recount of the scores")
    func gradeShares() throws {
        var scenario = RegimeFixtures.watched(
            RegimeFixtures.society(name: "grades", size: 3_000, ticks: 10), coverage: 1)
        scenario.regime.score.recovery = 2
        scenario.regime.score.grades = [
            Grade(name: "D", minimum: 0), Grade(name: "C", minimum: 950), Grade(name: "B", minimum: 985),
            Grade(name: "A", minimum: 995), Grade(name: "AAA", minimum: 1000),
        ]
        let simulation = try RegimeFixtures.simulation(scenario)
        let rules = scenario.regime.score
        while simulation.tick < scenario.ticks {
            let row = simulation.step()
            #expect(abs(row[.grades].reduce(0, +) - 1) < 1e-12)
            var counts = [Int](repeating: 0, count: rules.grades.count)
            for citizen in 0..<simulation.state.count {
                let points = rules.points(atSteps: simulation.state.score[citizen])
                counts[rules.grades.lastIndex { points >= $0.minimum }!] += 1
            }
            #expect(row[.grades] == counts.map { Double($0) / Double(simulation.state.count) }, "tick \(row.tick)")
        }
        let last = simulation.state
        #expect((0..<last.count).contains { rules.points(atSteps: last.score[$0]) < 985 }, "more than one band in use")
    }
}
