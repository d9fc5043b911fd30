import Foundation
import Sim
import Testing

/// Each shipped scenario produces the outcome its comment block promises, checked against
/// `baseline` (or the scenario with one mechanism switched off) on the same seed. Populations and
/// ticks are cut down with `--population` and `--ticks` so the whole suite stays fast.
@Suite("Shipped scenario library")
struct ScenarioLibraryTests {
    /// A run's timeseries.csv: each column by name, one number per tick.
    typealias Series = [String: [Double]]

    /// The seed every comparison shares.
    static let seed = "1"

    /// Overrides that switch every guilt-by-association mechanism off: the pull toward ties'
    /// scores, the penalty per listed tie, and records of associating with the blacklisted.
    static let noAssociation = [
        "score.association.pull=0", "score.association.listed_tie_penalty=0", "surveillance.social.coverage=0",
    ]

    /// The shipped scenarios' folder.
    static let scenariosFolder = SimctlProcess.packageRoot.appendingPathComponent("scenarios").path

    /// Runs the shipped scenario `name` on `population` citizens for `ticks` ticks with
    /// `overrides` (`key=value`, as `--set` takes them) and returns its timeseries.
    static func run(_ name: String, population: Int, ticks: Int, overrides: [String] = []) throws -> Series {
        let folder = try SimctlProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = [
            "run", name, "--population", String(population), "--ticks", String(ticks), "--seed", seed, "--out",
            folder.path, "--quiet",
        ]
        for override in overrides { arguments += ["--set", override] }
        let result = try SimctlProcess.run(arguments)
        try #require(result.status == 0, "\(result.standardError)")
        let csv = try String(contentsOf: folder.appendingPathComponent("timeseries.csv"), encoding: .utf8)
        return FoundationRegressionTests.columns(csv).mapValues { cells in cells.map { Double($0)! } }
    }

    /// Column `name` of `series`; fails the test when the run did not write it.
    static func column(_ name: String, of series: Series) throws -> [Double] {
        try #require(series[name], "no column \(name)")
    }

    /// The mean of `values`.
    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    @Test("harmonious-society: citizens keep their dissent to themselves, unlike in the baseline")
    func harmoniousSociety() throws {
        let regime = try Self.run("harmonious-society", population: 10_000, ticks: 120)
        let free = try Self.run("baseline", population: 10_000, ticks: 120)
        let expressed = try Self.column("expressed_dissent", of: regime).last!
        let freeExpressed = try Self.column("expressed_dissent", of: free).last!
        #expect(expressed < freeExpressed / 2, "expressed dissent \(expressed) vs baseline \(freeExpressed)")
        let gap = try Self.column("falsification_gap", of: regime).last!
        let freeGap = try Self.column("falsification_gap", of: free).last!
        #expect(gap > freeGap, "falsification gap \(gap) vs baseline \(freeGap)")
    }

    @Test("rongcheng: grades AAA..D share the population; the mean moves by the recorded points; compliance rises")
    func rongcheng() throws {
        let ticks = 180
        let city = try Self.run("rongcheng", population: 10_000, ticks: ticks)
        let free = try Self.run("baseline", population: 10_000, ticks: ticks)
        let grades = try ["AAA", "AA", "A", "B", "C", "D"].map { try Self.column("grade_\($0)", of: city) }
        #expect(!free.keys.contains { $0.hasPrefix("grade_") })
        for tick in 0..<ticks {
            let total = grades.reduce(0) { $0 + $1[tick] }
            #expect(abs(total - 1) < 1e-9, "grade shares at tick \(tick + 1) sum to \(total)")
        }
        #expect(grades.filter { $0.last! > 0 }.count >= 4, "scores spread over at least four grades")

        // Scores only move by recorded acts here, so the mean's change is what the acts done,
        // times their channel's coverage and their points, imply.
        let scenario = try ScenarioLoader(library: ScenarioLibrary(folder: Self.scenariosFolder))
            .load(path: "rongcheng").scenario
        let population = try Self.column("population", of: city)[0]
        var implied = 0.0
        for behaviour in scenario.behaviours {
            let acts = try Self.column("acts_\(behaviour.name)", of: city).reduce(0, +)
            implied +=
                acts * scenario.regime.surveillance[behaviour.channel].effectiveCoverage * behaviour.points / population
        }
        let change = try Self.column("score_mean", of: city).last! - scenario.regime.score.initial
        #expect(implied < 0, "recorded deductions outweigh recorded honours: \(implied) points per citizen")
        #expect(abs(change - implied) < 0.05 * abs(implied), "mean score moved \(change), acts imply \(implied)")

        let compliance = Self.mean(try Self.column("compliance_rate", of: city))
        let freeCompliance = Self.mean(try Self.column("compliance_rate", of: free))
        #expect(compliance > freeCompliance, "compliance \(compliance) vs baseline \(freeCompliance)")
        let violations = try Self.column("acts_traffic_violation", of: city).reduce(0, +)
        let freeViolations = try Self.column("acts_traffic_violation", of: free).reduce(0, +)
        #expect(violations < freeViolations, "traffic violations \(violations) vs baseline \(freeViolations)")
    }

    @Test(
        "blacklist-2019: about 1% listed throughout two years, all barred from flights and rail and refused tickets, with millions listed and restored a year at 1.4 billion; none in baseline"
    )
    func blacklist2019() throws {
        let ticks = 730
        let courts = try Self.run("blacklist-2019", population: 50_000, ticks: ticks)
        let free = try Self.run("baseline", population: 10_000, ticks: ticks)
        let population = try Self.column("population", of: courts)[0]
        let listed = try Self.column("sanction_dishonest_debtors", of: courts)
        for share in [listed[0], listed[364], listed[ticks - 1]].map({ $0 / population }) {
            #expect((0.005...0.015).contains(share), "listed share \(share)")
        }
        #expect(try Self.column("flight_barred", of: courts).last! == listed.last!)
        #expect(try Self.column("rail_barred", of: courts).last! == listed.last!)
        // Refused purchases: every flight and rail ticket the listed try, rail four times as often.
        let flightsBlocked = try Self.column("flights_blocked_total", of: courts).last!
        let railBlocked = try Self.column("rail_trips_blocked_total", of: courts).last!
        #expect(
            flightsBlocked > 0 && railBlocked > 2 * flightsBlocked, "\(flightsBlocked) flights, \(railBlocked) rail")
        let listings = try Self.column("new_listings_represented", of: courts)
        let delistings = try Self.column("delistings_represented", of: courts)
        for year in 0..<2 {
            let days = (365 * year)..<(365 * (year + 1))
            let listedInYear = days.reduce(0) { $0 + listings[$1] }
            let restoredInYear = days.reduce(0) { $0 + delistings[$1] }
            #expect((1.5e6...4e6).contains(listedInYear), "year \(year + 1): \(listedInYear) listed")
            #expect((1.5e6...4e6).contains(restoredInYear), "year \(year + 1): \(restoredInYear) restored")
        }
        #expect(free["flight_barred"] == nil && free["flights_blocked_total"] == nil, "the baseline simulates no trips")
    }

    @Test("nosedive: most ratings are five stars, and dissenters lose more ties than in the baseline")
    func nosedive() throws {
        let rated = try Self.run("nosedive", population: 10_000, ticks: 100)
        let free = try Self.run("baseline", population: 10_000, ticks: 100)
        let population = try Self.column("population", of: rated)[0]
        #expect(Self.mean(try Self.column("five_star_share", of: rated)) > 0.5)
        #expect(try Self.column("perk_prime", of: rated).last! > population / 2, "most hold the 4.5-star perk")
        #expect(free["five_star_share"] == nil)
        let ratio = try Self.column("dissenter_indegree_ratio", of: rated).last!
        let freeRatio = try Self.column("dissenter_indegree_ratio", of: free).last!
        #expect(ratio < freeRatio, "dissenters' in-degree ratio \(ratio) vs baseline \(freeRatio)")
    }

    @Test("guilt-by-association: association spreads listings and widens the score spread; dissenters lose ties")
    func guiltSpreads() throws {
        let guilty = try Self.run("guilt-by-association", population: 10_000, ticks: 200)
        let innocent = try Self.run(
            "guilt-by-association", population: 10_000, ticks: 200, overrides: Self.noAssociation)
        let free = try Self.run("baseline", population: 10_000, ticks: 200)
        let listed = try Self.column("sanction_untrustworthy", of: guilty).last!
        let listedAlone = try Self.column("sanction_untrustworthy", of: innocent).last!
        #expect(listed > listedAlone, "listed \(listed) with association, \(listedAlone) without")
        let spread = try Self.column("score_sd", of: guilty).last!
        let spreadAlone = try Self.column("score_sd", of: innocent).last!
        #expect(spread > spreadAlone, "score sd \(spread) with association, \(spreadAlone) without")
        let ratio = try Self.column("dissenter_indegree_ratio", of: guilty).last!
        let freeRatio = try Self.column("dissenter_indegree_ratio", of: free).last!
        #expect(ratio < freeRatio, "dissenters' in-degree ratio \(ratio) vs baseline \(freeRatio)")
    }

    @Test("guilt-by-association: the pull toward ties' scores alone narrows the score spread")
    func pullNarrowsSpread() throws {
        let pulled = try Self.run(
            "guilt-by-association", population: 10_000, ticks: 200,
            overrides: ["score.association.listed_tie_penalty=0", "surveillance.social.coverage=0"])
        let alone = try Self.run("guilt-by-association", population: 10_000, ticks: 200, overrides: Self.noAssociation)
        let spread = try Self.column("score_sd", of: pulled).last!
        let spreadAlone = try Self.column("score_sd", of: alone).last!
        #expect(spread < spreadAlone, "score sd \(spread) with the pull, \(spreadAlone) without")
    }

    @Test("legitimacy-shock: a sudden drop brings out more dissent at its peak than the same drop as a drift")
    func legitimacyShock() throws {
        let sudden = try Self.run("legitimacy-shock", population: 10_000, ticks: 360)
        let gradual = try Self.run("legitimacy-drift", population: 10_000, ticks: 360)
        let legitimacy = try Self.column("legitimacy", of: sudden)
        let driftingLegitimacy = try Self.column("legitimacy", of: gradual)
        #expect(legitimacy.first == driftingLegitimacy.first && legitimacy.last == driftingLegitimacy.last)
        #expect(legitimacy.last! < legitimacy.first!)
        let peak = try Self.column("expressed_dissent", of: sudden).max()!
        let gradualPeak = try Self.column("expressed_dissent", of: gradual).max()!
        #expect(peak > gradualPeak, "peak expressed dissent \(peak) after a shock, \(gradualPeak) after a drift")
    }
}
