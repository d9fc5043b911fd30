import Agents
import Testing

@testable import Sim

/// Everyday behaviours move the way the discrete-choice rule says, same seed, all else equal.
///
/// Act draws come from their own streams, so between two runs that differ in one parameter each
/// citizen's act is decided by the same uniform: when the parameter can only lower (or raise) an
/// act's utility, the acts of one run are a subset of the other's, tick by tick.
@Suite("Regime: behaviours")
struct RegimeBehaviourTests {
    @Test("coverage on the infraction channels lowers infractions and raises compliance, tick by tick")
    func coverageDeters() throws {
        let free = RegimeFixtures.society(name: "free", size: 4_000, ticks: 12)
        let watched = RegimeFixtures.watched(free, coverage: 0.8)
        let freeRows = try RegimeFixtures.run(free)
        let watchedRows = try RegimeFixtures.run(watched)
        var freeTotal = 0
        var watchedTotal = 0
        for (a, b) in zip(freeRows, watchedRows) {
            let loose = RegimeFixtures.infractions(a, free)
            let tight = RegimeFixtures.infractions(b, watched)
            #expect(tight <= loose, "tick \(a.tick)")
            #expect(b[.complianceRate] >= a[.complianceRate], "tick \(a.tick)")
            freeTotal += loose
            watchedTotal += tight
        }
        let n = Double(free.population.size!)
        let perCapitaFree = Double(freeTotal) / n
        let perCapitaWatched = Double(watchedTotal) / n
        #expect(
            perCapitaWatched < perCapitaFree * 0.95, "infractions per capita \(perCapitaWatched) vs \(perCapitaFree)")
        #expect(watchedRows.last![.complianceRate] > freeRows.last![.complianceRate])
        #expect(watchedRows.last![.scoreMean] < 1000, "recorded infractions cost points")
        #expect(freeRows.allSatisfy { $0[.scoreMean] == 1000 }, "nothing is recorded without coverage")
    }

    @Test("deterrence works through ambition: with ambition 0 coverage changes no act")
    func noAmbitionNoDeterrence() throws {
        var free = RegimeFixtures.society(name: "unambitious", size: 2_000, ticks: 8)
        free.population.traits[.ambition] = .constant(value: 0)
        let watched = RegimeFixtures.watched(free, coverage: 0.8)
        let freeRows = try RegimeFixtures.run(free)
        let watchedRows = try RegimeFixtures.run(watched)
        #expect(freeRows.map { $0[.acts] } == watchedRows.map { $0[.acts] })
        #expect(watchedRows.last![.scoreMean] < 1000)
    }

    @Test("more social influence raises a common behaviour (sorting recycling), tick by tick")
    func socialInfluenceSpreadsActs() throws {
        let runs = try [0.0, 2.0, 4.0].map { beta in
            var scenario = RegimeFixtures.society(
                name: "influence", size: 2_000, ticks: 10, behaviours: ["sorting_recycling", "charity"])
            scenario.conduct.socialInfluence = beta
            return (scenario, try RegimeFixtures.run(scenario))
        }
        for (weaker, stronger) in zip(runs, runs.dropFirst()) {
            for (a, b) in zip(weaker.1, stronger.1) {
                #expect(
                    RegimeFixtures.acts("sorting_recycling", b, stronger.0)
                        >= RegimeFixtures.acts("sorting_recycling", a, weaker.0), "tick \(a.tick)")
            }
        }
        let none = runs[0].1.last!
        let strong = runs[2].1.last!
        let recyclingNone = RegimeFixtures.acts("sorting_recycling", none, runs[0].0)
        let recyclingStrong = RegimeFixtures.acts("sorting_recycling", strong, runs[2].0)
        #expect(Double(recyclingStrong) > 1.2 * Double(recyclingNone), "\(recyclingStrong) vs \(recyclingNone)")
    }

    @Test("low means raise financial infractions: means 0.3 pays late more often than means 3")
    func lowMeansPayLate() throws {
        func scenario(means: Double) -> Scenario {
            var scenario = RegimeFixtures.society(
                name: "means", size: 2_000, ticks: 10, behaviours: ["late_bill_payment", "charity"])
            scenario.population.traits[.means] = .constant(value: means)
            return scenario
        }
        let poor = scenario(means: 0.3)
        let rich = scenario(means: 3)
        let poorRows = try RegimeFixtures.run(poor)
        let richRows = try RegimeFixtures.run(rich)
        var poorTotal = 0
        var richTotal = 0
        for (p, r) in zip(poorRows, richRows) {
            let poorLate = RegimeFixtures.acts("late_bill_payment", p, poor)
            let richLate = RegimeFixtures.acts("late_bill_payment", r, rich)
            #expect(poorLate >= richLate, "tick \(p.tick)")
            poorTotal += poorLate
            richTotal += richLate
        }
        // ln(3 / 0.3) = 2.3 logits: about ten times the odds.
        #expect(poorTotal > 5 * richTotal, "\(poorTotal) vs \(richTotal)")
    }
}
