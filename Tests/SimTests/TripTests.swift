import Agents
import Foundation
import Testing

@testable import Sim

/// Trips: how often citizens fly and take high-speed rail, which of them travel bans block, and
/// when trips are simulated at all.
@Suite("Regime: trips")
struct TripTests {
    /// A society with no behaviours and one list with `effects` that everyone is on from tick 1
    /// (everyone starts at 900, below its trigger of 950), or that nobody is ever on.
    static func society(
        name: String, size: Int = 4_000, ticks: Int = 10, effects: [Sanction.Effect], everyoneListed: Bool
    ) -> Scenario {
        var scenario = RegimeFixtures.society(name: name, size: size, ticks: ticks, behaviours: [])
        scenario.regime.score.initial = everyoneListed ? 900 : 1000
        scenario.regime.sanctions = [
            Sanction(name: "banned", trigger: .scoreBelow(950), duration: nil, effects: effects)
        ]
        return scenario
    }

    /// Flights and rail journeys tried over `rows`.
    static func attempts(_ rows: [TickMetrics]) -> (flights: Double, rail: Double) {
        (rows.reduce(0) { $0 + $1[.flightAttempts] }, rows.reduce(0) { $0 + $1[.railAttempts] })
    }

    @Test("with no list acting, citizens try flights and rail journeys at the scenario's rates per head and tick")
    func ratesPerHead() throws {
        let scenario = Self.society(
            name: "rates", size: 20_000, ticks: 20, effects: [.flightBan, .railBan], everyoneListed: false)
        let rows = try RegimeFixtures.run(scenario)
        let citizenTicks = 20_000.0 * 20
        let (flights, rail) = Self.attempts(rows)
        // Expected 458 flights and 1,792 rail journeys: ±12% is more than 4 standard deviations.
        #expect(abs(flights / (citizenTicks * scenario.trips.flightRate) - 1) < 0.12, "\(flights) flights")
        #expect(abs(rail / (citizenTicks * scenario.trips.railRate) - 1) < 0.12, "\(rail) rail journeys")
        #expect(rows.allSatisfy { $0[.flightsBlocked] == 0 && $0[.railTripsBlocked] == 0 && $0[.flightBarred] == 0 })
    }

    @Test("trip weights average 1 over the population and rise with means")
    func weightsRiseWithMeans() {
        let population = Population(count: 4)
        for (citizen, means) in [0.5, 1, 2, 4].enumerated() { population.column(.means)[citizen] = Float(means) }
        let cache = LogMeansCache(
            population, needed: true, tripElasticity: 1.8, parallel: ChunkedParallel(count: 4, threads: 1))
        let weights = cache.tripWeights.toArray()
        #expect(weights == weights.sorted() && Set(weights).count == 4)
        #expect(abs(weights.reduce(0, +) / 4 - 1) < 1e-5)
        #expect(abs(Double(weights[3] / weights[1]) / pow(4, 1.8) - 1) < 1e-4)
        let flat = LogMeansCache(
            population, needed: true, tripElasticity: 0, parallel: ChunkedParallel(count: 4, threads: 1))
        #expect(flat.tripWeights.toArray() == [1, 1, 1, 1])
    }

    @Test(
        "a flight ban blocks every flight the listed try from the tick after listing, and no rail journey; the barred are the listed"
    )
    func flightBanBlocksFlights() throws {
        var scenario = Self.society(name: "grounded", effects: [.flightBan], everyoneListed: true)
        scenario.represents = 1_400_000_000
        let simulation = try RegimeFixtures.simulation(scenario)
        let rows = simulation.run()
        #expect(rows[0][.flightsBlocked] == 0, "tick 1's trips precede the first listing")
        var total = 0.0
        for row in rows {
            if row.tick > 1 { #expect(row[.flightsBlocked] == row[.flightAttempts], "tick \(row.tick)") }
            #expect(row[.railTripsBlocked] == 0)
            #expect(row[.flightBarred] == 4_000 && row[.railBarred] == 0)
            total += row[.flightsBlocked]
            #expect(row[.flightsBlockedTotal] == total)
        }
        #expect(total > 0 && Self.attempts(rows).rail > 0)
        let last = simulation.layout.row(rows.last!)
        let names = simulation.layout.columnNames
        let represented = Double(last[names.firstIndex(of: "flights_blocked_total_represented")!])!
        #expect(represented == (total * 1_400_000_000 / 4_000).rounded())
    }

    @Test("a rail ban blocks every rail journey the listed try from the tick after listing, and no flight")
    func railBanBlocksRail() throws {
        let rows = try RegimeFixtures.run(Self.society(name: "rail", effects: [.railBan], everyoneListed: true))
        #expect(rows.dropFirst().allSatisfy { $0[.railTripsBlocked] == $0[.railAttempts] && $0[.flightsBlocked] == 0 })
        #expect(rows.allSatisfy { $0[.railBarred] == 4_000 && $0[.flightBarred] == 0 })
        #expect(rows.last![.railTripsBlockedTotal] > 0 && Self.attempts(rows).flights > 0)
    }

    @Test("a one-year flight ban and a 180-day rail ban on the same record: two lists, the rail one shorter")
    func flightAndRailListsDiffer() throws {
        var scenario = RegimeFixtures.society(name: "two lists", size: 3_000, ticks: 40, behaviours: [])
        scenario.behaviours = [
            Behaviour(name: "default_on_debt", kind: .infraction, rate: 0.01, points: -1, channel: .judicial)
        ]
        scenario.regime.surveillance[.judicial].coverage = 1
        scenario.trips = Trips(flightRate: 0.05, railRate: 0.1)
        // 365 and 180 days scaled down to 20 and 10 ticks.
        scenario.regime.sanctions = [
            Sanction(name: "no_flying", trigger: .record("default_on_debt"), duration: 20, effects: [.flightBan]),
            Sanction(name: "no_rail", trigger: .record("default_on_debt"), duration: 10, effects: [.railBan]),
        ]
        let rows = try RegimeFixtures.run(scenario)
        for row in rows {
            #expect(row[.flightBarred] == row[.lists][0] && row[.railBarred] == row[.lists][1], "tick \(row.tick)")
        }
        // About 30 listings a tick: the last 20 ticks' on one list, the last 10 ticks' on the other.
        #expect(rows.last![.flightBarred] > 1.5 * rows.last![.railBarred])
        #expect(rows.last![.flightsBlockedTotal] > 0 && rows.last![.railTripsBlockedTotal] > 0)
    }

    @Test("detained citizens do not travel")
    func detainedStayPut() {
        // Thresholds and risk aversion 0: everyone expresses dissent; full coverage catches 90% a
        // tick, every catch is a long detention.
        var scenario = Scenario(name: "detained", ticks: 8)
        scenario.behaviours = []
        scenario.regime.score.resolution = 1
        scenario.regime.surveillance.dissent.coverage = 1
        scenario.regime.detention = DetentionRules(probability: 1, ticks: .constant(value: 100))
        scenario.trips = Trips(flightRate: 0.3, railRate: 0.3)
        scenario.regime.sanctions = [Sanction(name: "never", trigger: .scoreBelow(0), effects: [.flightBan])]
        let rows = RegimeFixtures.handMade(scenario, citizens: 2_000, ties: []).run()
        #expect(rows[0][.detained] == 0 && Self.attempts([rows[0]]).flights > 500)
        #expect(rows.contains { $0[.detained] == 1 })
        for row in rows {
            let present = 2_000 * (1 - row[.detained])
            #expect(row[.flightAttempts] + row[.railAttempts] <= present, "tick \(row.tick)")
        }
    }

    @Test("loan and property bans lower effective means and so trips, through the means elasticity only")
    func creditBansCutTrips() throws {
        func attempts(_ effects: [Sanction.Effect], elasticity: Double) throws -> Double {
            var scenario = Self.society(name: "credit", size: 6_000, effects: effects, everyoneListed: true)
            scenario.trips.meansElasticity = elasticity
            let (flights, rail) = Self.attempts(try RegimeFixtures.run(scenario))
            return flights + rail
        }
        let banned = try attempts([.flightBan], elasticity: 1.8)
        #expect(try attempts([.flightBan, .loanBan], elasticity: 1.8) < banned)
        #expect(try attempts([.flightBan, .propertyBan], elasticity: 1.8) < banned)
        #expect(try attempts([.flightBan, .loanBan], elasticity: 0) == attempts([.flightBan], elasticity: 0))
    }

    @Test("without a travel ban or a transport discount, trips are not simulated: no draws, no columns")
    func noReaderNoTrips() throws {
        var scenario = Self.society(name: "none", effects: [.loanBan, .jobBlock], everyoneListed: true)
        scenario.regime.perks = [Perk(name: "care", trigger: .scoreAbove(0), effects: [.hospitalPriority])]
        #expect(!scenario.regime.readsTrips)
        let simulation = try RegimeFixtures.simulation(scenario)
        #expect(!simulation.layout.columnNames.contains { $0.contains("flight") || $0.contains("rail") })
        let layout = Self.drawLayout(scenario)
        #expect(layout.trips == nil && !layout.streams.contains { $0.purpose == .trips })
        scenario.regime.perks[0].effects.append(.transportDiscount)
        let withTrips = Self.drawLayout(scenario)
        #expect(withTrips.trips != nil)
    }

    /// The streams `scenario`'s runs precompute.
    static func drawLayout(_ scenario: Scenario) -> BlockDraws.Layout {
        let tables = ConstantTables()
        return withExtendedLifetime(tables) {
            BlockDraws.Layout(rules: RunConstants(scenario: scenario, tables: tables, vectorLevel: .scalar))
        }
    }
}
