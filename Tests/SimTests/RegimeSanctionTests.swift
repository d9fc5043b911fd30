import Agents
import Testing

@testable import Sim

/// Sanctions' effects and perks.
@Suite("Regime: sanctions and perks")
struct RegimeSanctionTests {
    @Test("permanent sanctions leave more citizens listed at the end than 30-tick ones; flight bans count the listed")
    func permanentListsMore() throws {
        func scenario(duration: Int?) -> Scenario {
            var scenario = RegimeFixtures.watched(
                RegimeFixtures.society(
                    name: "lists", size: 1_200, ticks: 34,
                    behaviours: ["late_bill_payment", "traffic_violation", "gaming_all_day"]), coverage: 0.9)
            scenario.regime.score.recovery = 1
            scenario.regime.sanctions = [
                Sanction(name: "travel", trigger: .scoreBelow(990), duration: duration, effects: [.flightBan])
            ]
            return scenario
        }
        let temporary = try RegimeFixtures.run(scenario(duration: 30))
        let permanent = try RegimeFixtures.run(scenario(duration: nil))
        #expect(permanent.last![.lists][0] > temporary.last![.lists][0])
        #expect(temporary.contains { $0[.delistings] > 0 })
        #expect(permanent.allSatisfy { $0[.delistings] == 0 })
        for (earlier, later) in zip(permanent, permanent.dropFirst()) {
            #expect(later[.lists][0] == earlier[.lists][0] + later[.newListings], "tick \(later.tick)")
        }
        for row in temporary + permanent {
            #expect(row[.flightBarred] == row[.lists][0] && row[.railBarred] == 0, "tick \(row.tick)")
        }
        #expect(temporary.last![.flightBarred] > 0)
    }

    /// Two citizens tied by `kind`: citizen 1 dissents from tick 1 (threshold 0), citizen 0 joins
    /// once half its active ties dissent. Both start at 900, below the sanction's trigger of 950.
    static func pair(kind: TieKind, effects: [Sanction.Effect]) -> [TickMetrics] {
        var scenario = Scenario(name: "pair", ticks: 4)
        scenario.regime.score.resolution = 1
        scenario.behaviours = []
        scenario.regime.score.initial = 900
        scenario.regime.sanctions = [
            Sanction(name: "banned", trigger: .scoreBelow(950), duration: nil, effects: effects)
        ]
        let simulation = RegimeFixtures.handMade(scenario, citizens: 2, ties: [(0, 1, kind)]) {
            $0.column(.threshold)[0] = 0.5
        }
        return simulation.run()
    }

    @Test("travel bans make distant ties inactive, and only distant ones")
    func travelBansCutDistantTies() {
        let flightBanned = Self.pair(kind: .distant, effects: [.flightBan])
        let railBanned = Self.pair(kind: .distant, effects: [.railBan])
        let loanBanned = Self.pair(kind: .distant, effects: [.loanBan])
        let local = Self.pair(kind: .social, effects: [.flightBan])
        let joined = [0.5, 1, 1, 1]
        #expect(loanBanned.map { $0[.expressedDissent] } == joined)
        #expect(local.map { $0[.expressedDissent] } == joined)
        #expect(flightBanned.map { $0[.expressedDissent] } == [0.5, 0.5, 0.5, 0.5])
        #expect(railBanned.map { $0[.expressedDissent] } == [0.5, 0.5, 0.5, 0.5])
        #expect(flightBanned.allSatisfy { $0[.flightBarred] == 2 && $0[.railBarred] == 0 && $0[.lists] == [2] })
        #expect(railBanned.allSatisfy { $0[.railBarred] == 2 && $0[.flightBarred] == 0 })
        #expect(loanBanned.allSatisfy { $0.layout.index(of: "flight_barred") == nil }, "no travel ban, no trips")
    }

    /// Everyone starts at 900, below the permanent sanction's trigger of 950, so everyone is listed
    /// from tick 1 on; no channel records anything.
    static func everyoneListed(effects: [Sanction.Effect]) -> Scenario {
        var scenario = RegimeFixtures.society(
            name: "listed", size: 2_000, ticks: 6, behaviours: ["late_bill_payment", "gaming_all_day", "charity"])
        scenario.regime.score.initial = 900
        scenario.regime.sanctions = [
            Sanction(name: "everyone", trigger: .scoreBelow(950), duration: nil, effects: effects)
        ]
        return scenario
    }

    @Test("a job block lowers effective means: more late bill payments than the same sanction without it")
    func jobBlockRaisesLatePayments() throws {
        let plain = Self.everyoneListed(effects: [.loanBan])
        let blocked = Self.everyoneListed(effects: [.loanBan, .jobBlock])
        let plainRows = try RegimeFixtures.run(plain)
        let blockedRows = try RegimeFixtures.run(blocked)
        #expect(plainRows.allSatisfy { $0[.lists] == [2_000] })
        #expect(plainRows[0][.acts] == blockedRows[0][.acts], "tick 1 decisions precede the first listing")
        for (a, b) in zip(plainRows, blockedRows) {
            #expect(
                RegimeFixtures.acts("late_bill_payment", b, blocked)
                    >= RegimeFixtures.acts("late_bill_payment", a, plain))
            #expect(RegimeFixtures.acts("charity", b, blocked) <= RegimeFixtures.acts("charity", a, plain))
        }
        let late = { (rows: [TickMetrics], s: Scenario) in
            rows.reduce(0) { $0 + RegimeFixtures.acts("late_bill_payment", $1, s) }
        }
        #expect(late(blockedRows, blocked) > late(plainRows, plain))
    }

    @Test("loan and property bans lower effective means: more late bill payments than a list without effects")
    func creditBansRaiseLatePayments() throws {
        let late = { (rows: [TickMetrics], s: Scenario) in
            rows.reduce(0) { $0 + RegimeFixtures.acts("late_bill_payment", $1, s) }
        }
        let plain = Self.everyoneListed(effects: [])
        let plainLate = late(try RegimeFixtures.run(plain), plain)
        for effect in [Sanction.Effect.loanBan, .propertyBan] {
            let banned = Self.everyoneListed(effects: [effect])
            #expect(late(try RegimeFixtures.run(banned), banned) > plainLate, "\(effect)")
        }
        // One credit factor for a list with both bans, not two.
        let both = try RegimeFixtures.run(Self.everyoneListed(effects: [.loanBan, .propertyBan]))
        #expect(both.map(\.values) == (try RegimeFixtures.run(Self.everyoneListed(effects: [.loanBan]))).map(\.values))
    }

    @Test("an internet throttle removes every online act of the listed")
    func throttleMutesOnlineActs() throws {
        let scenario = Self.everyoneListed(effects: [.internetThrottle])
        let rows = try RegimeFixtures.run(scenario)
        #expect(
            RegimeFixtures.acts("gaming_all_day", rows[0], scenario) > 0, "tick 1 decisions precede the first listing")
        #expect(rows.dropFirst().allSatisfy { RegimeFixtures.acts("gaming_all_day", $0, scenario) == 0 })
        #expect(rows.dropFirst().allSatisfy { RegimeFixtures.acts("late_bill_payment", $0, scenario) > 0 })
    }

    @Test("a school restriction counts the family of the listed, not their friends")
    func schoolRestrictionHitsHouseholds() {
        var scenario = Scenario(name: "school", ticks: 4)
        scenario.regime.score.resolution = 1
        scenario.behaviours = [RegimeFixtures.hardshipDriven("fraud", points: -10, channel: .judicial)]
        scenario.regime.surveillance[.judicial].coverage = 1
        scenario.regime.sanctions = [
            Sanction(name: "fraudsters", trigger: .record("fraud"), duration: nil, effects: [.schoolRestriction])
        ]
        let simulation = RegimeFixtures.handMade(
            scenario, citizens: 4, ties: [(0, 1, .family), (0, 2, .social), (1, 3, .family)]
        ) {
            $0.column(.hardship)[0] = 1
        }
        let rows = simulation.run()
        #expect(rows.map { $0[.lists][0] } == [1, 1, 1, 1])
        #expect(rows.map { $0[.schoolRestricted] } == [0, 1, 1, 1])
    }

    @Test("a top_share perk is held by the ⌈qN⌉ best scorers and everyone tied with the last of them")
    func topSharePerkHolders() throws {
        var scenario = RegimeFixtures.watched(
            RegimeFixtures.society(name: "elite", size: 3_000, ticks: 10), coverage: 0.5)
        for channel in RegimeFixtures.infractionChannels {
            scenario.regime.surveillance[channel].misidentification = 0.1
        }
        scenario.regime.perks = [Perk(name: "elite", trigger: .topShare(0.1), effects: [.hospitalPriority])]
        let simulation = try RegimeFixtures.simulation(scenario)
        let n = simulation.state.count
        let wanted = Int((0.1 * Double(n)).rounded(.up))
        var last = 0
        while simulation.tick < scenario.ticks {
            let row = simulation.step()
            let scores = (0..<n).map { simulation.state.score[$0] }.sorted(by: >)
            let recount = scores.filter { $0 >= scores[wanted - 1] }.count
            let holders = Int(row[.perks][0])
            #expect(holders >= wanted)
            #expect(holders == recount, "tick \(row.tick)")
            last = holders
        }
        #expect(last < 2 * wanted, "once scores spread the holders are about the top share: \(last)")
    }

    @Test("positional ambition: under a rank perk, nobody is outranked at the start, so nobody is deterred")
    func positionalAmbition() throws {
        let free = RegimeFixtures.society(name: "positional", size: 3_000, ticks: 3)
        let watched = RegimeFixtures.watched(free, coverage: 0.9)
        var threshold = watched
        threshold.regime.perks = [Perk(name: "good", trigger: .scoreAbove(900), effects: [.transportDiscount])]
        var rank = watched
        rank.regime.perks = [Perk(name: "top", trigger: .topShare(0.2), effects: [.transportDiscount])]
        let freeRows = try RegimeFixtures.run(free)
        let watchedRows = try RegimeFixtures.run(watched)
        let thresholdRows = try RegimeFixtures.run(threshold)
        let rankRows = try RegimeFixtures.run(rank)
        #expect(thresholdRows[0][.acts] == watchedRows[0][.acts], "a threshold perk leaves ambition absolute")
        #expect(rankRows[0][.acts] == freeRows[0][.acts], "everyone ties at 1000: rank ambition is 0")
        #expect(RegimeFixtures.infractions(rankRows[0], rank) > RegimeFixtures.infractions(thresholdRows[0], threshold))
        #expect(rankRows.map { $0[.acts] } != thresholdRows.map { $0[.acts] })
    }
}
