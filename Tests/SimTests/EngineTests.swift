import Agents
import Testing

@testable import Sim

@Suite("Engine")
struct EngineTests {
    /// Surveillance, score penalties, recovery and detention all on.
    static func crackdown(size: Int = 30_000) -> Scenario {
        var scenario = Scenario(name: "engine", seed: 5, ticks: 30)
        scenario.population.size = size
        scenario.legitimacy = LegitimacySchedule(schedule: [.init(tick: 0, value: 0.7), .init(tick: 20, value: 0.2)])
        scenario.regime.surveillance.dissent.coverage = 0.6
        scenario.regime.score.recovery = 1.5
        scenario.regime.detention = DetentionRules(probability: 0.5, ticks: .gamma(shape: 2, scale: 3))
        return scenario
    }

    static func run(_ scenario: Scenario, threads: Int) throws -> [TickMetrics] {
        let world = try World.build(scenario, threads: threads)
        return Simulation(scenario: scenario, population: world.population, graph: world.graph, threads: threads).run()
    }

    @Test("metrics are identical for 1, 2 and 3 threads with every mechanism on")
    func threadCountDoesNotMatter() throws {
        let scenario = Self.crackdown()
        let single = try Self.run(scenario, threads: 1)
        #expect(single.contains { $0[.newDetentions] > 0 && $0[.detained] > 0 })
        #expect(try Self.run(scenario, threads: 2) == single)
        #expect(try Self.run(scenario, threads: 3) == single)
    }

    @Test("a detention of J ticks keeps the citizen absent for exactly J ticks")
    func detentionLength() throws {
        var scenario = Scenario(name: "detention", seed: 3, ticks: 12)
        scenario.regime.surveillance.dissent.coverage = 1
        scenario.dissent.deterrence = 50
        scenario.regime.detention = DetentionRules(probability: 1, ticks: .constant(value: 4))
        let population = Population(count: 2)
        population.column(.threshold)[0] = 0
        population.column(.threshold)[1] = 1
        let graph = SocialGraph(citizenCount: 2, ties: [(0, 1, .social)])
        let simulation = Simulation(scenario: scenario, population: population, graph: graph, threads: 1)
        var absent: [Bool] = []
        var expressed: [Bool] = []
        for _ in 0..<12 {
            _ = simulation.step()
            let word = simulation.state.current[0]
            absent.append(word & SignalWord.present == 0)
            expressed.append(word & SignalWord.expressedDissent != 0)
        }
        #expect(expressed == [true, false, false, false, false, true, false, false, false, false, true, false])
        #expect(absent == [false, true, true, true, true, false, true, true, true, true, false, true])
    }

    @Test("recorded dissent costs exactly its points; recovery brings scores back to the initial value")
    func scoreAccounting() throws {
        var scenario = Scenario(name: "score", seed: 3, ticks: 3)
        scenario.regime.surveillance.dissent.coverage = 1
        scenario.dissent.deterrence = 50
        scenario.regime.score = ScoreRules(initial: 800, min: 0, max: 1000, resolution: 0.5, recovery: 7.5)
        scenario.regime.score.points.dissent = -20
        let population = Population(count: 1)
        let simulation = Simulation(
            scenario: scenario, population: population, graph: SocialGraph(citizenCount: 1, ties: []), threads: 1)
        let first = simulation.step()
        #expect(first[.recordedDissent] == 1)
        #expect(first[.scoreMean] == 780)
        let second = simulation.step()
        #expect(second[.scoreMean] == 780 + 7.5 - 20)
    }

    @Test("score statistics are exact on a known distribution")
    func scoreSummary() {
        let rules = ScoreRules(initial: 5, min: 0, max: 10, resolution: 1)
        var counts = [UInt64](repeating: 0, count: 11)
        for value in [1, 2, 3, 4, 10] { counts[value] += 1 }
        let summary = counts.withUnsafeBufferPointer { ScoreSummary(counts: $0, rules: rules) }
        #expect(summary.mean == 4)
        #expect(summary.sd == (50.0 / 5).squareRoot())
        #expect(summary.p50 == 3)
        #expect(abs(summary.p10 - 1.4) < 1e-12)
        #expect(abs(summary.p90 - 7.6) < 1e-12)
        #expect(abs(summary.gini - 80.0 / (2 * 25 * 4)) < 1e-12, "Σ|xi - xj| / (2 n² mean)")
    }

    @Test("score percentiles equal type-7 quantiles of the sorted scores, whatever the sample size")
    func scorePercentilesMatchSortedQuantiles() {
        let rules = ScoreRules(initial: 5, min: 0, max: 20, resolution: 1)
        var state: UInt64 = 7
        for size in 1...60 {
            var values: [Int] = []
            for _ in 0..<size {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                values.append(Int(state >> 33) % 21)
            }
            var counts = [UInt64](repeating: 0, count: 21)
            for value in values { counts[value] += 1 }
            let sorted = values.sorted().map(Double.init)
            func quantile(_ p: Double) -> Double {
                let h = Double(size - 1) * p
                let low = sorted[Int(h.rounded(.down))]
                let high = sorted[min(Int(h.rounded(.down)) + 1, size - 1)]
                return low + (h - h.rounded(.down)) * (high - low)
            }
            let summary = counts.withUnsafeBufferPointer { ScoreSummary(counts: $0, rules: rules) }
            #expect(
                [summary.p10, summary.p50, summary.p90] == [quantile(0.1), quantile(0.5), quantile(0.9)], "\(size)")
        }
    }

    @Test("legitimacy schedules interpolate linearly and hold flat outside their points")
    func legitimacySchedule() {
        let schedule = LegitimacySchedule(schedule: [.init(tick: 10, value: 0.8), .init(tick: 20, value: 0.3)])
        #expect(schedule.value(at: 0) == 0.8)
        #expect(schedule.value(at: 15) == 0.55)
        #expect(schedule.value(at: 20) == 0.3)
        #expect(schedule.value(at: 99) == 0.3)
        #expect(LegitimacySchedule(value: 0.4).value(at: 7) == 0.4)
    }
}
