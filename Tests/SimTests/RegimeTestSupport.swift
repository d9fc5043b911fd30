import Agents

@testable import Sim

/// Scenarios and run helpers shared by the `Regime*Tests` suites.
enum RegimeFixtures {
    /// The infraction channels of the default behaviours (everything but dissent and civic).
    static let infractionChannels: [Surveillance.ChannelName] = [
        .financial, .judicial, .traffic, .online, .street, .social,
    ]

    /// A small society with the default behaviours and no regime mechanism switched on: no
    /// coverage anywhere, no sanctions, perks, association, peer rating; private scores.
    ///
    /// Scores use a 0.1-point grid (10,001 histogram bins rather than 100,001) and populations are
    /// a few thousand: debug builds are slow and these tests check directions, not magnitudes.
    static func society(
        name: String, size: Int = 4_000, ticks: Int = 15, seed: UInt64 = 21, behaviours: [String]? = nil
    ) -> Scenario {
        var scenario = Scenario(name: name, seed: seed, ticks: ticks)
        scenario.population.size = size
        scenario.graph = GraphSpec(model: .smallWorld, meanDegree: 10, rewire: 0.1)
        scenario.regime.detention.probability = 0
        scenario.regime.score.resolution = 0.1
        if let behaviours {
            scenario.behaviours = Behaviour.defaults.filter { behaviours.contains($0.name) }
        }
        return scenario
    }

    /// `scenario` with coverage `coverage` on every infraction channel.
    static func watched(_ scenario: Scenario, coverage: Double) -> Scenario {
        var scenario = scenario
        for channel in infractionChannels { scenario.regime.surveillance[channel].coverage = coverage }
        return scenario
    }

    static func simulation(_ scenario: Scenario, threads: Int = 2) throws -> Simulation {
        let world = try World.build(scenario, threads: threads)
        return Simulation(scenario: scenario, population: world.population, graph: world.graph, threads: threads)
    }

    static func run(_ scenario: Scenario, threads: Int = 2) throws -> [TickMetrics] {
        try simulation(scenario, threads: threads).run()
    }

    /// Index of behaviour `name` in `scenario`.
    static func index(of name: String, in scenario: Scenario) -> Int {
        scenario.behaviours.firstIndex { $0.name == name }!
    }

    /// Acts of behaviour `name` at one tick.
    static func acts(_ name: String, _ metrics: TickMetrics, _ scenario: Scenario) -> Int {
        Int(metrics[.acts][index(of: name, in: scenario)])
    }

    /// Acts of every infraction at one tick.
    static func infractions(_ metrics: TickMetrics, _ scenario: Scenario) -> Int {
        scenario.behaviours.indices.filter { scenario.behaviours[$0].kind == .infraction }
            .reduce(0) { $0 + Int(metrics[.acts][$1]) }
    }

    /// A behaviour done with probability ≈ 1 by citizens with hardship 1 and ≈ 0 by those with
    /// hardship 0 (logit(1e-6) + 30 · hardship), with no other driver.
    static func hardshipDriven(
        _ name: String, kind: Behaviour.Kind = .infraction, points: Double, channel: Surveillance.ChannelName
    ) -> Behaviour {
        Behaviour(name: name, kind: kind, rate: 1e-6, points: points, channel: channel, drivers: [.hardship: 30])
    }

    /// A run on a hand-made population and graph (all traits 0 unless set by `traits`).
    static func handMade(
        _ scenario: Scenario, citizens: Int, ties: [(UInt32, UInt32, TieKind)], threads: Int = 1,
        traits: (Population) -> Void = { _ in }
    ) -> Simulation {
        let population = Population(count: citizens)
        traits(population)
        return Simulation(
            scenario: scenario, population: population, graph: SocialGraph(citizenCount: citizens, ties: ties),
            threads: threads)
    }
}
