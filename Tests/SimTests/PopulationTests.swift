import Agents
import Foundation
import Testing

@testable import Sim

@Suite("Population")
struct PopulationTests {
    func temporaryFile(_ contents: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("population-\(UUID().uuidString).csv")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("traits are drawn within range and identically for any thread count")
    func drawnTraits() {
        let spec = PopulationSpec()
        let one = Population.make(spec: spec, count: 40_000, seed: 9, table: nil, threads: 1)
        let three = Population.make(spec: spec, count: 40_000, seed: 9, table: nil, threads: 3)
        for trait in Trait.allCases {
            let values = one.column(trait).toArray()
            #expect(values == three.column(trait).toArray())
            #expect(values.allSatisfy { trait.range.contains(Double($0)) })
        }
        let hardship = one.column(.hardship).toArray()
        let mean = hardship.reduce(0, +) / Float(hardship.count)
        #expect(abs(mean - 2.0 / 7.0) < 0.01, "beta(2, 5) has mean 2/7")
        let other = Population.make(spec: spec, count: 40_000, seed: 10, table: nil, threads: 1)
        #expect(other.column(.hardship).toArray() != hardship)
    }

    @Test("draws are clipped into the trait's range")
    func clipping() {
        var spec = PopulationSpec()
        spec.traits[.conformity] = .normal(mean: 0.5, sd: 3)
        let population = Population.make(spec: spec, count: 5_000, seed: 1, table: nil, threads: 2)
        let values = population.column(.conformity).toArray()
        #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(values.contains(0) && values.contains(1))
    }

    @Test("a CSV gives some traits; the rest come from the scenario's distributions")
    func csvWithFallback() throws {
        let path = try temporaryFile("threshold, hardship\n0.1,0.9\n0.2,0.8\r\n0.3,0.7\n")
        let table = try PopulationTable.read(path: path)
        #expect(table.rowCount == 3)
        var spec = PopulationSpec()
        spec.traits[.ambition] = .constant(value: 0.25)
        let population = Population.make(spec: spec, count: 3, seed: 1, table: table, threads: 1)
        #expect(population.column(.threshold).toArray() == [0.1, 0.2, 0.3])
        #expect(population.column(.hardship).toArray() == [0.9, 0.8, 0.7])
        #expect(population.column(.ambition).toArray() == [0.25, 0.25, 0.25])
    }

    @Test(
        "bad CSV input names file, line and column",
        arguments: [
            (
                "hardship,threshold\n0.5,0.2\n0.5,abc\n",
                ":3: column 2 'threshold': expected a number in [0, 1], got \"abc\""
            ),
            ("hardship\n1.5\n", ":2: column 1 'hardship': expected a number in [0, 1], got \"1.5\""),
            ("hardship,means\n0.5,-1\n", ":2: column 2 'means': expected a number in [0, ∞), got \"-1\""),
            ("hardship,courage\n0.5,1\n", ":1: unknown column 'courage'; expected trait names"),
            ("hardship,threshold\n0.5\n", ":2: expected 2 cells, got 1"),
            ("hardship,hardship\n0.5,0.5\n", ":1: column 'hardship' appears twice"),
        ])
    func badInput(contents: String, message: String) throws {
        let path = try temporaryFile(contents)
        #expect {
            try PopulationTable.read(path: path)
        } throws: { error in
            (error as? InputError)?.description.hasPrefix(path + message) == true
        }
    }

    @Test("a missing file is reported with its path")
    func missingFile() {
        #expect(throws: InputError(file: "/no/such/people.csv", message: "cannot read population file")) {
            try PopulationTable.read(path: "/no/such/people.csv")
        }
    }
}
