import Agents
import Testing

@testable import Sim

/// The expected cost of dissent: what a record costs deters, each of its parts in the right
/// direction, and nothing that does not change the cost moves the outcome.
@Suite("Deterrence")
struct DeterrenceTests {
    /// A watched society with a dissenting minority, where records cost points and may detain:
    /// 4,000 citizens, 80 ticks, legitimacy 0.35, dissent coverage 0.6.
    static func society(seed: UInt64) -> Scenario {
        var scenario = Scenario(name: "deterrence", seed: seed, ticks: 80)
        scenario.population.size = 4_000
        scenario.graph = GraphSpec(model: .smallWorld, meanDegree: 10, rewire: 0.1)
        scenario.legitimacy.value = 0.35
        scenario.regime.surveillance.dissent.coverage = 0.6
        scenario.regime.score.points.dissent = -50
        scenario.regime.detention.probability = 0.5
        scenario.regime.detention.ticks = .gamma(shape: 4, scale: 5)
        return scenario
    }

    static let seeds: [UInt64] = [1, 2, 3, 4, 5]

    /// Mean expressed dissent over the run, averaged over ``seeds`` with `change` applied.
    static func meanExpressed(_ change: (inout Scenario) -> Void) throws -> Double {
        var total = 0.0
        for seed in seeds {
            var scenario = society(seed: seed)
            change(&scenario)
            let rows = try DirectionTests.run(scenario)
            total += rows.reduce(0) { $0 + $1[.expressedDissent] } / Double(rows.count)
        }
        return total / Double(seeds.count)
    }

    @Test("more points per record deter more")
    func points() throws {
        let light = try Self.meanExpressed { $0.regime.score.points.dissent = -50 }
        let heavy = try Self.meanExpressed { $0.regime.score.points.dissent = -150 }
        #expect(heavy < light, "−150 points: \(heavy), −50 points: \(light)")
    }

    @Test("likelier detention deters more")
    func detentionProbability() throws {
        let rare = try Self.meanExpressed { $0.regime.detention.probability = 0.25 }
        let likely = try Self.meanExpressed { $0.regime.detention.probability = 0.75 }
        #expect(likely < rare, "probability 0.75: \(likely), 0.25: \(rare)")
    }

    @Test("longer detention deters more")
    func detentionLength() throws {
        let short = try Self.meanExpressed { $0.regime.detention.ticks = .gamma(shape: 4, scale: 2.5) }
        let long = try Self.meanExpressed { $0.regime.detention.ticks = .gamma(shape: 4, scale: 7.5) }
        #expect(long < short, "mean 30 ticks: \(long), mean 10 ticks: \(short)")
    }

    @Test("coverage and the deterrence constant are separately identifiable")
    func coverageAndK() throws {
        var wide = Self.society(seed: 1)
        wide.regime.surveillance.dissent.coverage = 0.9
        wide.dissent.deterrence = 1.15
        var strong = Self.society(seed: 1)
        strong.regime.surveillance.dissent.coverage = 0.45
        strong.dissent.deterrence = 2.3
        let a = try DirectionTests.run(wide)
        let b = try DirectionTests.run(strong)
        #expect(zip(a, b).contains { $0[.expressedDissent] != $1[.expressedDissent] })
    }

    @Test("a score cap that never binds changes nothing")
    func capThatNeverBinds() throws {
        // Infractions only: scores only fall, so the cap at the initial score never binds.
        var capped = RegimeFixtures.watched(
            RegimeFixtures.society(
                name: "cap", ticks: 40, behaviours: ["late_bill_payment", "traffic_violation", "unpaid_fine"]),
            coverage: 0.5)
        capped.legitimacy.value = 0.35
        capped.regime.surveillance.dissent.coverage = 0.6
        capped.regime.detention.probability = 0.3
        capped.regime.sanctions = [
            Sanction(name: "debtors", trigger: .scoreBelow(980), duration: 30, effects: [.flightBan])
        ]
        var raised = capped
        raised.regime.score.max = 2_000
        let a = try RegimeFixtures.run(capped)
        let b = try RegimeFixtures.run(raised)
        #expect(a.last![.recordedDissent] + a.last![.newListings] > 0, "the regime acts")
        for (x, y) in zip(a, b) {
            #expect(x.values == y.values, "tick \(x.tick)")
        }
    }

    @Test("a record's cost shrinks only at the floor, where there are no points left to lose")
    func costNearTheFloor() {
        var scenario = Self.society(seed: 1)
        scenario.regime.score.resolution = 1
        scenario.dissent.pointsScale = 50
        scenario.regime.detention.probability = 0
        let constants = DissentMechanism.Constants(scenario: scenario)
        #expect(constants.recordCost(steps: 1_000, listFactor: 1) == 1)
        #expect(constants.recordCost(steps: 50, listFactor: 1) == 1)
        #expect(constants.recordCost(steps: 25, listFactor: 1) == 0.5)
        #expect(constants.recordCost(steps: 1_000, listFactor: 0.5) == 0.5)
    }
}
