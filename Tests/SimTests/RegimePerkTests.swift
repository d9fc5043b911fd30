import Testing

@testable import Sim

/// What perks do for their holders: transport discounts raise trips, hospital priority relieves
/// hardship and so grievance.
@Suite("Regime: perks that act")
struct RegimePerkTests {
    /// A society with no behaviours where everyone holds one perk with `effects` from tick 1 on.
    static func everyoneHolds(_ perk: Perk, ticks: Int = 10) -> Scenario {
        var scenario = RegimeFixtures.society(name: "perk", size: 6_000, ticks: ticks, behaviours: [])
        var perk = perk
        perk.trigger = .scoreAbove(0)
        scenario.regime.perks = [perk]
        return scenario
    }

    @Test("a transport discount raises every holder's trips: more each tick, by about price elasticity × discount")
    func discountRaisesTrips() throws {
        func trips(discount: Double) throws -> [Double] {
            let perk = Perk(
                name: "fast_lane", trigger: .scoreAbove(0), effects: [.transportDiscount], transportDiscount: discount)
            return try RegimeFixtures.run(Self.everyoneHolds(perk)).map { $0[.flightAttempts] + $0[.railAttempts] }
        }
        let full = try trips(discount: 0)
        let discounted = try trips(discount: 0.5)
        #expect(full.allSatisfy { $0 > 0 })
        // The same draws with higher rates: never fewer trips.
        for (a, b) in zip(full, discounted) { #expect(b >= a) }
        let ratio = discounted.reduce(0, +) / full.reduce(0, +)
        #expect(abs(ratio - 1.4) < 0.1, "1 + 0.8 × 0.5 = 1.4 times the trips, got \(ratio)")
    }

    @Test("hospital priority relieves hardship: less private opposition and latent dissent each tick, never more")
    func hospitalPriorityLowersLatentDissent() throws {
        func run(relief: Double) throws -> [TickMetrics] {
            let perk = Perk(name: "care", trigger: .scoreAbove(0), effects: [.hospitalPriority], hardshipRelief: relief)
            var scenario = Self.everyoneHolds(perk, ticks: 12)
            scenario.legitimacy.value = 0.1
            return try RegimeFixtures.run(scenario)
        }
        let unrelieved = try run(relief: 0)
        let relieved = try run(relief: 0.5)
        for column in [MetricColumn.latentDissent, .privateOpposition] {
            let before = unrelieved.map { $0[column] }
            let after = relieved.map { $0[column] }
            #expect(before.reduce(0, +) > 0, "\(column.name)")
            // No surveillance, no draws in dissent: the threshold model is monotone in thresholds.
            for (a, b) in zip(before, after) { #expect(b <= a, "\(column.name)") }
            #expect(after.reduce(0, +) < 0.9 * before.reduce(0, +), "\(column.name)")
        }
    }

    @Test("hardship factors multiply over the hospital-priority perks held, and are 1 for those held by nobody")
    func hardshipFactorsCompose() {
        var scenario = Scenario(name: "factors")
        scenario.regime.perks = [
            Perk(name: "care", trigger: .scoreAbove(0), effects: [.hospitalPriority], hardshipRelief: 0.2),
            Perk(name: "more", trigger: .scoreAbove(500), effects: [.hospitalPriority], hardshipRelief: 0.5),
            Perk(name: "fast", trigger: .scoreAbove(0), effects: [.transportDiscount], hardshipRelief: 0.9),
        ]
        let tables = ConstantTables()
        withExtendedLifetime(tables) {
            let perks = PerkMechanism.Constants(scenario: scenario, tables: tables)
            perks.updateMinimumSteps(histogram: UnsafeBufferPointer(start: nil, count: 0), population: 1)
            let steps = { (points: Double) in scenario.regime.score.steps(points) }
            #expect(perks.relievesHardship && perks.boostsTrips)
            #expect(perks.hardshipFactor(steps: steps(100)) == Float(0.8))
            #expect(perks.hardshipFactor(steps: steps(600)) == Float(0.8) * Float(0.5))
            #expect(perks.tripBoost(steps: steps(100)) == Float(1 + 0.8 * 0.1))
        }
    }
}
