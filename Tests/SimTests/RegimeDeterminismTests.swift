import Agents
import Testing

@testable import Sim

/// Determinism with every regime mechanism on, and the dissent model untouched when they are off.
@Suite("Regime: determinism")
struct RegimeDeterminismTests {
    /// Every mechanism at once: all channels with coverage and misidentification, association,
    /// grades, three sanctions (one following another, one permanent; job block, loan and travel
    /// bans), a rank perk with dating and a threshold perk with a transport discount and hospital
    /// priority, trips at rates that make thousands a tick, peer rating, public scores.
    static func everything(size: Int, ticks: Int) -> Scenario {
        var scenario = RegimeFixtures.society(name: "everything", size: size, ticks: ticks, seed: 77)
        scenario.graph = GraphSpec(model: .smallWorld, meanDegree: 6, rewire: 0.2)
        // One behaviour per channel (debug builds are slow; 40,000 citizens make 3 chunks).
        let oneEach = [
            "late_bill_payment", "unpaid_fine", "traffic_violation", "gaming_all_day",
            "quarrel_with_neighbours", "charity", "associating_with_blacklisted",
        ]
        scenario.behaviours = Behaviour.defaults.filter { oneEach.contains($0.name) }
        scenario.legitimacy.value = 0.2
        for channel in Surveillance.ChannelName.allCases {
            scenario.regime.surveillance[channel].coverage = 0.6
            scenario.regime.surveillance[channel].misidentification = 0.02
        }
        scenario.regime.surveillance[.street].camerasPerCapita = 0.2
        scenario.regime.detention = DetentionRules(probability: 0.3, ticks: .gamma(shape: 2, scale: 2))
        scenario.regime.score.recovery = 1
        scenario.regime.score.association = Association(pull: 0.05, familyWeight: 2, listedTiePenalty: 1)
        scenario.regime.score.grades = [
            Grade(name: "D", minimum: 0), Grade(name: "B", minimum: 950), Grade(name: "A", minimum: 990),
        ]
        scenario.regime.sanctions = [
            Sanction(
                name: "debtors", trigger: .scoreBelow(985), duration: 3, liftAbove: 999, effects: [.jobBlock, .loanBan]),
            Sanction(name: "travel", trigger: .listed("debtors"), effects: [.flightBan, .railBan, .schoolRestriction]),
            Sanction(name: "dissidents", trigger: .record("dissent"), duration: nil, effects: [.internetThrottle]),
        ]
        scenario.regime.perks = [
            Perk(name: "elite", trigger: .topShare(0.1), effects: [.datingBoost, .meansBonus], datingRate: 0.2),
            Perk(name: "trusted", trigger: .scoreAbove(995), effects: [.transportDiscount, .hospitalPriority]),
        ]
        scenario.regime.peerRating.enabled = true
        scenario.regime.visibility = Visibility(publicScores: true, cutRate: 0.4, stigmaBelow: 990)
        scenario.trips = Trips(flightRate: 0.05, railRate: 0.1)
        return scenario
    }

    /// The metrics of a run of `scenario` on a copy of `world`'s graph (runs re-point ties), and
    /// the copy's tie targets at the end.
    static func run(
        _ scenario: Scenario, on world: World, threads: Int, vectorLevel: VectorLevel = .best
    ) -> ([TickMetrics], [UInt32]) {
        let graph = SocialGraph(
            citizenCount: world.graph.citizenCount, offsets: Column(world.graph.offsets.buffer.map { $0 }),
            targets: Column(world.graph.targets.buffer.map { $0 }), kinds: Column(world.graph.kinds.buffer.map { $0 }))
        let simulation = Simulation(
            scenario: scenario, population: world.population, graph: graph, threads: threads, vectorLevel: vectorLevel)
        let rows = simulation.run()
        return (rows, graph.targets.buffer.map { $0 })
    }

    @Test("every mechanism on: identical metrics for 1, 2 and 3 threads over 3 chunks")
    func threadCountDoesNotMatter() throws {
        let scenario = Self.everything(size: 40_000, ticks: 3)
        let world = try World.build(scenario, threads: 2)
        func run(threads: Int) -> ([TickMetrics], [UInt32]) { Self.run(scenario, on: world, threads: threads) }
        let (single, targets) = run(threads: 1)
        let last = single.last!
        #expect(single.reduce(0) { $0 + $1[.tiesCut] } > 0)
        #expect(single.reduce(0) { $0 + $1[.newTies] } > 0)
        #expect(single.reduce(0) { $0 + $1[.wrongfulRecords] } > 0)
        #expect(single.reduce(0) { $0 + $1[.wrongfulSanctions] } > 0)
        #expect(single.reduce(0) { $0 + $1[.newDetentions] } > 0)
        #expect(last[.lists].allSatisfy { $0 > 0 })
        #expect(last[.perks].allSatisfy { $0 > 0 })
        #expect(last[.flightBarred] > 0 && last[.schoolRestricted] > 0 && last[.meanRating] > 0)
        #expect(last[.flightsBlockedTotal] > 0 && last[.railTripsBlockedTotal] > 0)
        #expect(single.allSatisfy { $0[.flightAttempts] > $0[.flightsBlocked] && $0[.railAttempts] > 0 })
        for threads in [2, 3] {
            let (rows, otherTargets) = run(threads: threads)
            #expect(rows == single, "threads \(threads)")
            #expect(otherTargets == targets, "threads \(threads): same ties cut and made")
        }
    }

    /// Every level below this CPU's best (none on a CPU with only portable code) against the best.
    @Test(
        "every mechanism on: identical metrics and ties whatever vector instructions the kernels use",
        arguments: VectorLevel.allCases.filter { $0 < .best })
    func vectorLevelDoesNotMatter(level: VectorLevel) throws {
        let scenario = Self.everything(size: 20_000, ticks: 4)
        let world = try World.build(scenario, threads: 2)
        let (best, bestTargets) = Self.run(scenario, on: world, threads: 2)
        let (rows, targets) = Self.run(scenario, on: world, threads: 2, vectorLevel: level)
        #expect(best.reduce(0) { $0 + $1[.acts].reduce(0, +) } > 0)
        #expect(rows == best)
        #expect(targets == bestTargets)
    }

    /// The dissent model with surveillance, penalties and detention, and no regime mechanism.
    static func dissentOnly(behaviours: [Behaviour]) -> Scenario {
        var scenario = RegimeFixtures.society(name: "dissent-only", size: 3_000, ticks: 12, seed: 5)
        scenario.legitimacy = LegitimacySchedule(schedule: [.init(tick: 0, value: 0.7), .init(tick: 8, value: 0.1)])
        scenario.regime.surveillance.dissent.coverage = 0.5
        scenario.regime.score.recovery = 1.5
        scenario.regime.detention = DetentionRules(probability: 0.5, ticks: .constant(value: 3))
        scenario.behaviours = behaviours
        return scenario
    }

    @Test("unrecorded behaviours do not leak into the dissent model: the first 15 columns are unchanged")
    func behavioursDoNotLeak() throws {
        let none = Self.dissentOnly(behaviours: [])
        let unwatched = Self.dissentOnly(behaviours: Behaviour.defaults)
        let noneRows = try RegimeFixtures.run(none)
        let unwatchedRows = try RegimeFixtures.run(unwatched)
        #expect(noneRows.contains { $0[.recordedDissent] > 0 && $0[.newDetentions] > 0 })
        #expect(unwatchedRows.contains { $0[.acts].reduce(0, +) > 0 })
        let noneLayout = MetricsLayout(scenario: none, population: 3_000)
        let unwatchedLayout = MetricsLayout(scenario: unwatched, population: 3_000)
        #expect(Array(noneLayout.columnNames.prefix(15)) == Array(unwatchedLayout.columnNames.prefix(15)))
        for (a, b) in zip(noneRows, unwatchedRows) {
            #expect(Array(noneLayout.row(a).prefix(15)) == Array(unwatchedLayout.row(b).prefix(15)), "tick \(a.tick)")
            let score: [MetricColumn] = [.scoreMean, .scoreSD, .scoreP10, .scoreP50, .scoreP90, .scoreGini]
            #expect(a[.expressedDissent] == b[.expressedDissent] && score.map { a[$0] } == score.map { b[$0] })
        }
    }
}
