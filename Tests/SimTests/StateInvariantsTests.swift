import Foundation
import Testing

@testable import Sim

/// The state's invariants hold after every tick of runs with every mechanism on, and the check
/// finds each kind of broken state.
@Suite struct StateInvariantsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `simulation` to its end, checking the invariants after every tick; returns the rows.
    static func runChecked(_ simulation: Simulation) -> [TickMetrics] {
        var rows: [TickMetrics] = []
        while simulation.tick < simulation.scenario.ticks {
            rows.append(simulation.step())
            #expect(simulation.invariantViolations() == [], "tick \(simulation.tick)")
        }
        return rows
    }

    @Test("the pinned everything-on regression run keeps every invariant, tick by tick, with 1 and 2 threads")
    func pinnedRegressionRun() throws {
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/SimctlTests/Fixtures")
        let loaded = try ScenarioLoader().load(path: fixtures.appendingPathComponent("regime-everything.toml").path)
        let pinned = try String(
            contentsOf: fixtures.appendingPathComponent("regime-everything-timeseries.csv"), encoding: .utf8)
        for threads in [1, 2] {
            let world = try World.build(loaded.scenario, threads: threads)
            let simulation = Simulation(
                scenario: loaded.scenario, population: world.population, graph: world.graph, threads: threads)
            let rows = Self.runChecked(simulation)
            var table = CSVTable(header: simulation.layout.columnNames)
            for row in rows { table.append(simulation.layout.row(row)) }
            #expect(String(decoding: table.data, as: UTF8.self) == pinned, "threads \(threads): the pinned outputs")
        }
    }

    @Test("the determinism suite's everything-on society keeps every invariant, tick by tick")
    func everythingOn() throws {
        let scenario = RegimeDeterminismTests.everything(size: 20_000, ticks: 6)
        let world = try World.build(scenario, threads: 2)
        let rows = Self.runChecked(
            Simulation(scenario: scenario, population: world.population, graph: world.graph, threads: 2))
        #expect(rows.reduce(0) { $0 + $1[.tiesCut] + $1[.newTies] } > 0, "ties were re-pointed")
        #expect(rows.last![.lists].allSatisfy { $0 > 0 }, "every list has members")
    }

    /// A run of the everything-on society after 3 ticks, with `breakIt` applied to its state.
    static func broken(_ breakIt: (Simulation) -> Void) throws -> [String] {
        let scenario = RegimeDeterminismTests.everything(size: 5_000, ticks: 3)
        let world = try World.build(scenario, threads: 1)
        let simulation = Simulation(
            scenario: scenario, population: world.population, graph: world.graph, threads: 1)
        _ = simulation.run()
        #expect(simulation.invariantViolations() == [])
        breakIt(simulation)
        return simulation.invariantViolations()
    }

    @Test("each broken invariant is found and named")
    func brokenStatesAreFound() throws {
        let listed = { (simulation: Simulation) in
            (0..<simulation.state.count).first { simulation.state.sanctionLeft[0][$0] > 0 }!
        }
        let cases: [(String, (Simulation) -> Void)] = [
            ("score 100001 steps", { $0.state.score[7] = 100_001 }),
            ("word's score fraction", { $0.state.current[8] ^= 1 << SignalWord.scoreShift }),
            ("in-degree", { $0.state.inDegree[9] += 1 }),
            ("tied to itself", { $0.graph.targets[$0.graph.offsets[10]] = 10 }),
            ("word's list bits", { $0.state.current[listed($0)] &= ~SignalWord.listed }),
            ("its followed list says", { $0.state.sanctionLeft[1][listed($0)] = 0 }),
            ("a wrongful listing on list 2", { $0.state.wrongfulListings[11] |= 1 << 2 }),
            (
                "expresses dissent without dissenting privately",
                {
                    $0.state.current[12] =
                        ($0.state.current[12] | SignalWord.expressedDissent) & ~SignalWord.latentDissent
                }
            ),
        ]
        for (expected, breakIt) in cases {
            let violations = try Self.broken(breakIt)
            #expect(violations.contains { $0.contains(expected) }, "\(expected): \(violations)")
        }
    }
}
