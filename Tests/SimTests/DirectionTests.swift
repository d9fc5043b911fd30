import Testing

@testable import Sim

/// Each rule moves its outcome the way the model says, on a fixed seed with all else equal.
@Suite("Model directions")
struct DirectionTests {
    /// A small society with no feedback through scores or detention, so the dynamics are monotone:
    /// a record costs one unit (1 point of a score that cannot run out in 40 ticks, with a scale
    /// of 1 point) and never detains.
    static func society(legitimacy: Double, coverage: Double) -> Scenario {
        var scenario = Scenario(name: "direction", seed: 11, ticks: 40)
        scenario.population.size = 4_000
        scenario.graph = GraphSpec(model: .smallWorld, meanDegree: 10, rewire: 0.1)
        scenario.legitimacy.value = legitimacy
        scenario.regime.surveillance.dissent.coverage = coverage
        scenario.regime.score.points.dissent = -1
        scenario.dissent.pointsScale = 1
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

    @Test("lower legitimacy never lowers private opposition or latent dissent, tick by tick")
    func legitimacyLowersGrievance() throws {
        let runs = try [0.9, 0.7, 0.5, 0.3, 0.1].map { try Self.run(Self.society(legitimacy: $0, coverage: 0.5)) }
        for (higher, lower) in zip(runs, runs.dropFirst()) {
            for (a, b) in zip(higher, lower) {
                #expect(b[.privateOpposition] >= a[.privateOpposition], "tick \(a.tick)")
                #expect(b[.latentDissent] >= a[.latentDissent], "tick \(a.tick)")
            }
        }
        #expect(runs.last!.last![.privateOpposition] > runs.first!.last![.privateOpposition])
        #expect(runs.last!.last![.latentDissent] > runs.first!.last![.latentDissent])
    }

    @Test("without surveillance nobody is deterred; with it the latent gap opens and private opposition stays")
    func falsificationGap() throws {
        let free = try Self.run(Self.society(legitimacy: 0.4, coverage: 0))
        #expect(free.allSatisfy { $0[.latentGap] == 0 && $0[.recordedDissent] == 0 })
        let watched = try Self.run(Self.society(legitimacy: 0.4, coverage: 0.9))
        #expect(watched.allSatisfy { $0[.latentGap] >= 0 })
        #expect(watched.last![.latentGap] > 0)
        // A private preference does not depend on what one sees or fears (nobody is detained here).
        for (a, b) in zip(free, watched) {
            #expect(a[.privateOpposition] == b[.privateOpposition], "tick \(a.tick)")
            #expect(abs(b[.falsificationGap] - (b[.privateOpposition] - b[.expressedDissent])) < 1e-12)
        }
        #expect(watched.last![.falsificationGap] > free.last![.falsificationGap])
    }
}
