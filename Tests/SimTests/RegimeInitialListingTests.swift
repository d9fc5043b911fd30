import Testing

@testable import Sim

/// A stock listed before the run starts (`initial_share`, `initial_points`).
@Suite("Regime: initial listings")
struct RegimeInitialListingTests {
    /// 20,000 citizens, nobody recorded for anything: lists change only by term and repair.
    static func stocked(
        share: Double, points: Double = 0, duration: Int? = 50, liftAbove: Double? = 1000, seed: UInt64 = 21
    ) -> Scenario {
        var scenario = RegimeFixtures.society(name: "stocked", size: 20_000, ticks: 3, seed: seed)
        scenario.regime.sanctions = [
            Sanction(
                name: "debtors", trigger: .record("unpaid_fine"), duration: duration, liftAbove: liftAbove,
                effects: [.flightBan], initialShare: share, initialPoints: points),
            Sanction(name: "travel", trigger: .listed("debtors"), duration: nil, effects: [.railBan]),
        ]
        return scenario
    }

    @Test("about initial_share of citizens start listed, with terms in 1...duration and their follow-on list")
    func stockSizeAndTerms() throws {
        let simulation = try RegimeFixtures.simulation(Self.stocked(share: 0.1, points: -30))
        let state = simulation.state
        let debtors = (0..<state.count).filter { state.sanctionLeft[0][$0] > 0 }
        let share = Double(debtors.count) / Double(state.count)
        #expect(abs(share - 0.1) < 0.007, "share \(share)")
        #expect(debtors.allSatisfy { (1...50).contains(state.sanctionLeft[0][$0]) })
        #expect(Set(debtors.map { state.sanctionLeft[0][$0] }).count == 50, "every term length occurs")
        #expect((0..<state.count).allSatisfy { (state.sanctionLeft[1][$0] > 0) == (state.sanctionLeft[0][$0] > 0) })
        #expect(debtors.allSatisfy { state.current[$0] & SignalWord.listed != 0 })
        #expect(debtors.allSatisfy { state.current[$0] & SignalWord.travelBanned != 0 })
        let score = simulation.scenario.regime.score
        let debts = debtors.map { score.points(atSteps: state.score[$0]) - score.initial }
        #expect(debts.allSatisfy { (-30...0).contains($0) })
        #expect(abs(debts.reduce(0, +) / Double(debts.count) + 15) < 1, "debts are uniform on (-30, 0)")
        let unlisted = (0..<state.count).filter { state.sanctionLeft[0][$0] == 0 }
        #expect(unlisted.allSatisfy { state.score[$0] == score.steps(score.initial) })
    }

    @Test("the first tick lists nobody new; permanent initial listings stay, repaid ones are lifted")
    func firstTicks() throws {
        let permanent = try RegimeFixtures.run(Self.stocked(share: 0.05, duration: nil, liftAbove: nil))
        #expect(permanent.allSatisfy { $0[.newListings] == 0 && $0[.delistings] == 0 })
        #expect(permanent.allSatisfy { $0[.lists][0] == permanent[0][.lists][0] })
        #expect(permanent[0][.lists][1] == permanent[0][.lists][0])
        // With no debt, the score is already at lift_above: every initial listing is lifted at tick 1.
        let repaid = try RegimeFixtures.run(Self.stocked(share: 0.05))
        #expect(repaid[0][.newListings] == 0)
        #expect(repaid[0][.lists][0] == 0)
        #expect(repaid[0][.delistings] > 0)
    }

    @Test("the stock depends on the seed, and not on the thread count")
    func determinism() throws {
        let scenario = Self.stocked(share: 0.1, points: -30)
        let one = try RegimeFixtures.simulation(scenario, threads: 1).state
        let three = try RegimeFixtures.simulation(scenario, threads: 3).state
        let citizens = 0..<one.count
        #expect(citizens.allSatisfy { one.sanctionLeft[0][$0] == three.sanctionLeft[0][$0] })
        #expect(citizens.allSatisfy { one.score[$0] == three.score[$0] })
        let other = try RegimeFixtures.simulation(Self.stocked(share: 0.1, points: -30, seed: 22)).state
        #expect(!citizens.allSatisfy { one.sanctionLeft[0][$0] == other.sanctionLeft[0][$0] })
    }
}
