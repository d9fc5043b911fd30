import Agents
import Testing

@testable import Sim

/// Exact accounting: listing lengths, wrongful records, in-degrees.
@Suite("Regime: exact accounting")
struct RegimeAccountingTests {
    /// One citizen with hardship 1 who plays online all day whenever it can; every act is
    /// recorded and lists it on `sanction`, whose internet throttle makes the act impossible
    /// while listed.
    static func gamer(_ sanction: Sanction, ticks: Int, recovery: Double = 0) -> Simulation {
        var scenario = Scenario(name: "gamer", seed: 8, ticks: ticks)
        scenario.behaviours = [RegimeFixtures.hardshipDriven("online_gaming", points: -100, channel: .online)]
        scenario.regime.surveillance[.online].coverage = 1
        scenario.regime.score.recovery = recovery
        // A 1-point grid: 1,001 histogram bins keep the per-tick metrics cheap in debug builds.
        scenario.regime.score.resolution = 1
        scenario.regime.sanctions = [sanction]
        return RegimeFixtures.handMade(scenario, citizens: 1, ties: []) { $0.column(.hardship)[0] = 1 }
    }

    struct Trace: Equatable {
        var acts: [Int] = []
        var left: [UInt16] = []
        var listed: [Int] = []
        var newListings: [Int] = []
        var delistings: [Int] = []
    }

    static func trace(_ simulation: Simulation) -> Trace {
        var trace = Trace()
        while simulation.tick < simulation.scenario.ticks {
            let row = simulation.step()
            trace.acts.append(Int(row[.acts][0]))
            trace.left.append(simulation.state.sanctionLeft[0][0])
            trace.listed.append(Int(row[.lists][0]))
            trace.newListings.append(Int(row[.newListings]))
            trace.delistings.append(Int(row[.delistings]))
        }
        return trace
    }

    @Test("a 30-tick sanction lasts exactly 30 ticks; the delisting counts on the tick it ends")
    func thirtyTickSanction() {
        let sanction = Sanction(
            name: "throttled", trigger: .record("online_gaming"), duration: 30, effects: [.internetThrottle])
        let trace = Self.trace(Self.gamer(sanction, ticks: 45))
        // Tick 1: act, recorded, listed for 30 ticks (1...30). Tick 31: off the list. Tick 32: again.
        let listedTicks = Set(1...30).union(32...45)
        #expect(trace.listed == (1...45).map { listedTicks.contains($0) ? 1 : 0 })
        let expectedLeft: [UInt16] = (1...45).map { (tick: Int) -> UInt16 in
            if tick <= 30 { return UInt16(31 - tick) }
            return tick == 31 ? 0 : UInt16(62 - tick)
        }
        #expect(trace.left == expectedLeft)
        #expect(trace.acts == (1...45).map { $0 == 1 || $0 == 32 ? 1 : 0 })
        #expect(trace.newListings == (1...45).map { $0 == 1 || $0 == 32 ? 1 : 0 })
        #expect(trace.delistings == (1...45).map { $0 == 31 ? 1 : 0 })
    }

    @Test("a permanent sanction never ends")
    func permanentSanction() {
        let sanction = Sanction(
            name: "forever", trigger: .record("online_gaming"), duration: nil, effects: [.internetThrottle])
        let trace = Self.trace(Self.gamer(sanction, ticks: 40))
        #expect(trace.left.allSatisfy { $0 == SocietyState.permanent })
        #expect(trace.listed.allSatisfy { $0 == 1 })
        #expect(trace.delistings.allSatisfy { $0 == 0 })
        #expect(trace.newListings == (1...40).map { $0 == 1 ? 1 : 0 })
        #expect(trace.acts == (1...40).map { $0 == 1 ? 1 : 0 })
    }

    @Test("lift_above delists early once recovery brings the score back")
    func liftAbove() {
        // 1000 − 100 = 900 at tick 1; +10 per tick: 950 at tick 6, when the listing is lifted.
        let sanction = Sanction(
            name: "repairable", trigger: .record("online_gaming"), duration: 30, liftAbove: 950,
            effects: [.internetThrottle])
        let trace = Self.trace(Self.gamer(sanction, ticks: 8, recovery: 10))
        #expect(trace.listed == [1, 1, 1, 1, 1, 0, 1, 1])
        #expect(trace.delistings == [0, 0, 0, 0, 0, 1, 0, 0])
        #expect(trace.acts == [1, 0, 0, 0, 0, 0, 1, 0])
        let withoutLift = Self.trace(
            Self.gamer(
                Sanction(
                    name: "unrepairable", trigger: .record("online_gaming"), duration: 30, effects: [.internetThrottle]),
                ticks: 8, recovery: 10))
        #expect(withoutLift.listed.allSatisfy { $0 == 1 })
    }

    @Test("with coverage 0 and misidentification 1 every record is wrongful: one per citizen not acting")
    func wrongfulRecordsAreRecordsWithoutActs() throws {
        var scenario = RegimeFixtures.society(name: "framed", size: 3_000, ticks: 12)
        scenario.regime.surveillance[.financial].misidentification = 1
        let late = RegimeFixtures.index(of: "late_bill_payment", in: scenario)
        let n = scenario.population.size!
        let rows = try RegimeFixtures.run(scenario)
        var framed = 0
        for row in rows {
            #expect(row[.acts][late] > 0)
            let notDone = n - Int(row[.acts][late])
            #expect(Int(row[.wrongfulRecords]) == notDone, "tick \(row.tick)")
            framed += notDone
            // Each false record costs the behaviour's 10 points; nothing else moves scores.
            #expect(abs(row[.scoreMean] - (1000 - 10 * Double(framed) / Double(n))) < 1e-6, "tick \(row.tick)")
        }
    }

    @Test("after tie cutting and dating, in-degrees equal a recount of the slots; rows keep no duplicates or self-ties")
    func inDegreesStayExact() throws {
        var scenario = RegimeFixtures.watched(
            RegimeFixtures.society(name: "cutting", size: 4_000, ticks: 12), coverage: 0.8)
        scenario.regime.surveillance.dissent.coverage = 0.5
        scenario.legitimacy.value = 0.3
        scenario.regime.sanctions = [Sanction(name: "low", trigger: .scoreBelow(995), duration: 10)]
        scenario.regime.perks = [
            Perk(name: "dating", trigger: .topShare(0.5), effects: [.datingBoost], datingRate: 0.3)
        ]
        scenario.regime.visibility = Visibility(publicScores: true, cutRate: 0.8)
        let simulation = try RegimeFixtures.simulation(scenario, threads: 2)
        let rows = simulation.run()
        #expect(rows.reduce(0) { $0 + $1[.tiesCut] } > 0)
        #expect(rows.reduce(0) { $0 + $1[.newTies] } > 0)
        let graph = simulation.graph
        let n = graph.citizenCount
        var recount = [UInt32](repeating: 0, count: n)
        var duplicates = 0
        var selfTies = 0
        for citizen in 0..<n {
            var seen = Set<UInt32>()
            for slot in graph.slots(of: citizen) {
                let target = graph.targets[slot]
                recount[Int(target)] += 1
                if Int(target) == citizen { selfTies += 1 }
                if !seen.insert(target).inserted { duplicates += 1 }
            }
        }
        let inDegrees = (0..<n).map { simulation.state.inDegree[$0] }
        #expect(inDegrees.reduce(0) { $0 + Int($1) } == graph.slotCount)
        #expect(
            zip(inDegrees, recount).filter { $0 != $1 }.count == 0, "citizens whose in-degree differs from a recount")
        #expect(duplicates == 0)
        #expect(selfTies == 0)
        #expect(Int(rows.last![.pariahs]) == recount.filter { $0 == 0 }.count)
    }
}
