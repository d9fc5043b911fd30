import Testing

@testable import Sim

/// Each rule moves its outcome the way the model says, on a fixed seed with all else equal.
@Suite("Model directions")
struct DirectionTests {
    /// A small society with no feedback through scores or detention, so the dynamics are monotone.
    static func society(legitimacy: Double, coverage: Double) -> Scenario {
        var scenario = Scenario(name: "direction", seed: 11, ticks: 40)
        scenario.population.size = 4_000
        scenario.graph = GraphSpec(model: .smallWorld, meanDegree: 10, rewire: 0.1)
        scenario.legitimacy.value = legitimacy
        scenario.regime.surveillance.dissent.coverage = coverage
        scenario.regime.score.points.dissent = 0
        scenario.regime.detention.probability = 0
        return scenario
    }

    static func run(_ scenario: Scenario, threads: Int = 2) throws -> [TickMetrics] {
        let world = try World.build(scenario, threads: threads)
        return Simulation(scenario: scenario, population: world.population, graph: world.graph, threads: threads).run()
    }

    @Test("more coverage never raises expressed dissent, tick by tick")
    func coverageSuppresses() throws {
        let runs = try [0.0, 0.2, 0.5, 0.8, 1.0].map { try Self.run(Self.society(legitimacy: 0.4, coverage: $0)) }
        for (looser, tighter) in zip(runs, runs.dropFirst()) {
            for (a, b) in zip(looser, tighter) {
                #expect(b[.expressedDissent] <= a[.expressedDissent], "tick \(a.tick)")
            }
        }
        #expect(runs.first!.last![.expressedDissent] > runs.last!.last![.expressedDissent])
    }

    @Test("lower legitimacy never lowers private dissent, tick by tick")
    func legitimacyLowersGrievance() throws {
        let runs = try [0.9, 0.7, 0.5, 0.3, 0.1].map { try Self.run(Self.society(legitimacy: $0, coverage: 0.5)) }
        for (higher, lower) in zip(runs, runs.dropFirst()) {
            for (a, b) in zip(higher, lower) {
                #expect(b[.privateDissent] >= a[.privateDissent], "tick \(a.tick)")
            }
        }
        #expect(runs.last!.last![.privateDissent] > runs.first!.last![.privateDissent])
    }

    @Test("without surveillance nobody falsifies; with it the gap opens")
    func falsificationGap() throws {
        let free = try Self.run(Self.society(legitimacy: 0.4, coverage: 0))
        #expect(free.allSatisfy { $0[.falsificationGap] == 0 && $0[.recordedDissent] == 0 })
        let watched = try Self.run(Self.society(legitimacy: 0.4, coverage: 0.9))
        #expect(watched.allSatisfy { $0[.falsificationGap] >= 0 })
        #expect(watched.last![.falsificationGap] > 0)
    }
}
