import Foundation
import Testing

@testable import Sim

@Suite struct GraphTests {
    static let generators: [GraphSpec.Model] = [.smallWorld, .scaleFree, .random]

    /// Checks every structural invariant of a built graph and returns its rows as arrays.
    @discardableResult
    static func checkInvariants(_ graph: SocialGraph) -> [[UInt32]] {
        let n = graph.citizenCount
        #expect(graph.offsets.count == n + 1)
        #expect(graph.offsets[0] == 0)
        #expect(graph.targets.count >= graph.slotCount && graph.kinds.count == graph.targets.count)
        #expect(graph.slotCount % 2 == 0)
        var rows: [[UInt32]] = []
        var degreeSum = 0
        var asymmetric = 0
        var unsorted = 0
        var selfLoops = 0
        for i in 0..<n {
            let row = graph.slots(of: i).map { graph.targets[$0] }
            degreeSum += graph.degree(of: i)
            if zip(row, row.dropFirst()).contains(where: { $0 >= $1 }) { unsorted += 1 }
            if row.contains(UInt32(i)) { selfLoops += 1 }
            for slot in graph.slots(of: i) {
                let kind = TieKind(rawValue: graph.kinds[slot])
                if kind == nil || graph.kind(from: Int(graph.targets[slot]), to: i) != kind { asymmetric += 1 }
            }
            rows.append(row)
        }
        #expect(unsorted == 0, "rows must be strictly increasing (sorted, no duplicates)")
        #expect(selfLoops == 0)
        #expect(asymmetric == 0)
        #expect(degreeSum == graph.slotCount)
        let inDegrees = graph.inDegrees()
        #expect(inDegrees.reduce(0) { $0 + Int($1) } == graph.slotCount)
        #expect(inDegrees.enumerated().allSatisfy { Int($1) == graph.degree(of: $0) })
        return rows
    }

    /// The graph's columns, for comparing graphs.
    static func columns(_ graph: SocialGraph) -> [[Int]] {
        [graph.offsets.toArray(), graph.targets.toArray().map(Int.init), graph.kinds.toArray().map(Int.init)]
    }

    static func build(
        _ model: GraphSpec.Model, n: Int, meanDegree: Double = 14, rewire: Double = 0.1, households: Bool = true,
        seed: UInt64 = 7, threads: Int = 2
    ) throws -> (SocialGraph, GraphReport) {
        let spec = GraphSpec(
            model: model, meanDegree: meanDegree, rewire: rewire,
            households: .init(enabled: households))
        return try GraphBuilder.build(spec: spec, citizenCount: n, seed: seed, threads: threads)
    }

    @Test(arguments: generators)
    func generatedGraphIsSymmetricSortedAndCounted(model: GraphSpec.Model) throws {
        let (graph, report) = try Self.build(model, n: 2_000)
        Self.checkInvariants(graph)
        #expect(report.citizenCount == 2_000)
        #expect(report.ties * 2 == graph.slotCount)
        #expect(report.familyTies + report.socialTies == report.ties)
        #expect(report.familyTies > 0 && report.socialTies > 0)
        #expect(report.households > 0)
        #expect(report.selfLoopsDropped == 0)
        #expect(report.meanDegree == Double(graph.slotCount) / 2_000)
        #expect(report.maxDegree == (0..<2_000).map(graph.degree(of:)).max())
        #expect(report.byteCount == graph.byteCount)
    }

    @Test(arguments: generators)
    func sameSeedGivesSameGraphForAnyThreadCount(model: GraphSpec.Model) throws {
        let n = 3 * ChunkedParallel.defaultChunkSize - 100
        let (one, oneReport) = try Self.build(model, n: n, threads: 1)
        for threads in [2, 3] {
            let (other, otherReport) = try Self.build(model, n: n, threads: threads)
            #expect(Self.columns(other) == Self.columns(one))
            #expect(otherReport == oneReport)
        }
    }

    @Test(arguments: generators)
    func differentSeedGivesDifferentGraph(model: GraphSpec.Model) throws {
        let (first, _) = try Self.build(model, n: 2_000, seed: 1)
        let (second, _) = try Self.build(model, n: 2_000, seed: 2)
        #expect(Self.columns(first) != Self.columns(second))
    }

    @Test(arguments: [(GraphSpec.Model.smallWorld, 14.0), (.scaleFree, 14), (.random, 14), (.random, 3)])
    func realisedMeanDegreeIsCloseToSpec(model: GraphSpec.Model, meanDegree: Double) throws {
        let (_, report) = try Self.build(model, n: 2_000, meanDegree: meanDegree, households: false)
        #expect(abs(report.meanDegree - meanDegree) <= 0.1 * meanDegree)
        #expect(report.familyTies == 0 && report.households == 0)
    }

    @Test func smallWorldWithoutRewiringIsTheRingLattice() throws {
        let n = 2_000
        let (graph, report) = try Self.build(.smallWorld, n: n, meanDegree: 7.9, rewire: 0, households: false)
        #expect(report.generatorDegree == 6)
        #expect(report.duplicatesDropped == 0)
        let rows = Self.checkInvariants(graph)
        for i in 0..<n {
            let expected = [-3, -2, -1, 1, 2, 3].map { UInt32((i + $0 + n) % n) }.sorted()
            #expect(rows[i] == expected, "row \(i)")
        }
    }

    @Test func smallWorldRewiringMovesAboutTheRewiredShareOfTies() throws {
        let n = 2_000
        let (graph, _) = try Self.build(.smallWorld, n: n, meanDegree: 10, rewire: 0.2, households: false)
        var long = 0
        for i in 0..<n {
            for slot in graph.slots(of: i) {
                let distance = abs(Int(graph.targets[slot]) - i)
                if min(distance, n - distance) > 5 { long += 1 }
            }
        }
        let share = Double(long) / Double(graph.slotCount)
        #expect(share > 0.15 && share < 0.25)
    }

    /// Households from a graph with no social ties: its connected runs of consecutive ids.
    static func households(n: Int, seed: UInt64) throws -> [Range<Int>] {
        let (graph, _) = try build(.smallWorld, n: n, meanDegree: 0, seed: seed)
        var runs: [Range<Int>] = []
        var start = 0
        for i in 0..<n where i + 1 == n || graph.kind(from: i, to: i + 1) == nil {
            runs.append(start..<i + 1)
            start = i + 1
        }
        return runs
    }

    @Test func householdsAreFamilyCliquesOfConsecutiveIds() throws {
        let n = 2_000
        let (familyOnly, familyReport) = try Self.build(.smallWorld, n: n, meanDegree: 0, seed: 11)
        Self.checkInvariants(familyOnly)
        let households = try Self.households(n: n, seed: 11)
        #expect(familyReport.households == households.count)
        #expect(familyReport.socialTies == 0)
        #expect(familyReport.familyTies == households.reduce(0) { $0 + $1.count * ($1.count - 1) / 2 })
        #expect(households.allSatisfy { (1...6).contains($0.count) })
        let meanSize = Double(n) / Double(households.count)
        #expect(meanSize > 2.3 && meanSize < 2.9)
        for model in Self.generators {
            let (graph, _) = try Self.build(model, n: n, seed: 11)
            for household in households {
                for a in household {
                    for b in household where b != a {
                        #expect(graph.kind(from: a, to: b) == .family, "\(model): \(a)-\(b)")
                    }
                }
            }
            let familySlots = graph.kinds.toArray()[..<graph.slotCount].filter { $0 == TieKind.family.rawValue }.count
            #expect(familySlots == 2 * familyReport.familyTies)
        }
    }

    @Test func householdSizesFollowTheDistribution() throws {
        let spec = GraphSpec(model: .smallWorld, meanDegree: 0, households: .init(size: .constant(value: 4.4)))
        let (graph, report) = try GraphBuilder.build(spec: spec, citizenCount: 10, seed: 3, threads: 1)
        #expect(report.households == 3)
        #expect(report.familyTies == 6 + 6 + 1)
        #expect(graph.kind(from: 3, to: 4) == nil)
        #expect(graph.kind(from: 8, to: 9) == .family)
    }

    @Test func randomWithProbabilityOneIsComplete() throws {
        let (graph, report) = try Self.build(.random, n: 100, meanDegree: 99, households: false)
        Self.checkInvariants(graph)
        #expect(report.ties == 100 * 99 / 2)
        #expect((0..<100).allSatisfy { graph.degree(of: $0) == 99 })
        #expect(report.socialTies == report.ties)
    }

    @Test func scaleFreeHasMinimumDegreeMAndHubs() throws {
        let n = 2_000
        let (graph, report) = try Self.build(.scaleFree, n: n, meanDegree: 8, households: false)
        Self.checkInvariants(graph)
        #expect(report.generatorDegree == 4)
        let degrees = (0..<n).map(graph.degree(of:))
        #expect(degrees.min()! >= 4)
        #expect(Double(degrees.max()!) > 5 * report.meanDegree)
        #expect(report.ties == 5 * 4 / 2 + (n - 5) * 4)
    }

    // MARK: Edge lists

    static func temporaryFile(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("graph-\(UUID().uuidString).txt").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func edgeList(_ path: String, n: Int?) throws -> (SocialGraph, GraphReport) {
        try GraphBuilder.build(spec: GraphSpec(model: .edgeList, file: path), citizenCount: n, seed: 1, threads: 2)
    }

    @Test func edgeListParsesCommentsCommasAndSpaces() throws {
        let path = try Self.temporaryFile(
            """
            # a comment
            0 1

              1,2\r
            2 ,  3   # trailing comment
            3\t4
            4 4
            1 0
            0,1
            7 5
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try GraphBuilder.citizenCount(ofEdgeList: path) == 8)
        let (graph, report) = try Self.edgeList(path, n: nil)
        let rows = Self.checkInvariants(graph)
        #expect(rows == [[1], [0, 2], [1, 3], [2, 4], [3], [7], [], [5]])
        #expect(report.citizenCount == 8)
        #expect(report.ties == 5)
        #expect(report.socialTies == 5 && report.familyTies == 0)
        #expect(report.selfLoopsDropped == 1)
        #expect(report.duplicatesDropped == 2)
        #expect(report.isolatedCitizens == 1)
        #expect(report.households == 0)
    }

    @Test func edgeListUsesTheGivenPopulation() throws {
        let path = try Self.temporaryFile("0 1\n2 3\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (graph, report) = try Self.edgeList(path, n: 10)
        #expect(graph.citizenCount == 10)
        #expect(report.isolatedCitizens == 6)
    }

    @Test func edgeListLongerThanOneReadBlock() throws {
        let n = 300_000
        let path = try Self.temporaryFile((0..<n - 1).map { "\($0) \($0 + 1)\n" }.joined())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (graph, report) = try Self.edgeList(path, n: nil)
        #expect(report.citizenCount == n)
        #expect(report.ties == n - 1)
        #expect((1..<n - 1).allSatisfy { graph.kind(from: $0, to: $0 + 1) == .social && graph.degree(of: $0) == 2 })
    }

    @Test func edgeListErrorsNameTheFileAndLine() throws {
        let missing = "/nonexistent/ties.txt"
        #expect(throws: GraphError.unreadableEdgeList(path: missing, reason: "No such file or directory")) {
            try Self.edgeList(missing, n: nil)
        }
        #expect(
            GraphError.unreadableEdgeList(path: missing, reason: "No such file or directory").description
                == "/nonexistent/ties.txt: cannot read edge list: No such file or directory")

        let bad = try Self.temporaryFile("0 1\n# fine\n  1 2 3  \n")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        do {
            _ = try Self.edgeList(bad, n: nil)
            Issue.record("malformed line accepted")
        } catch let error as GraphError {
            #expect(error.description == "\(bad):3: expected two citizen ids 'a b' or 'a,b', got \"1 2 3\"")
        }
        for line in ["1", "1;2", "-1 2", "1,,2", "a b", "12#3"] {
            let path = try Self.temporaryFile(line)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(throws: GraphError.malformedTie(path: path, line: 1, text: line)) {
                try Self.edgeList(path, n: nil)
            }
        }

        let outside = try Self.temporaryFile("0 1\n5 1200\n")
        defer { try? FileManager.default.removeItem(atPath: outside) }
        do {
            _ = try Self.edgeList(outside, n: 1_000)
            Issue.record("out-of-range id accepted")
        } catch let error as GraphError {
            #expect(error.description == "\(outside):2: citizen id 1200 is outside 0..<1000")
        }
    }

    @Test func missingInputsAreReported() {
        #expect(throws: GraphError.missingEdgeListFile) {
            try GraphBuilder.build(spec: GraphSpec(model: .edgeList), citizenCount: 10, seed: 1, threads: 1)
        }
        #expect(GraphError.missingEdgeListFile.description == "graph.model = \"edge-list\" needs graph.file")
        #expect(throws: GraphError.missingCitizenCount(model: .smallWorld)) {
            try GraphBuilder.build(spec: GraphSpec(), citizenCount: nil, seed: 1, threads: 1)
        }
    }

    // MARK: Explicit ties

    @Test func tieListMergesDuplicatesPreferringFamily() {
        let graph = SocialGraph(
            citizenCount: 5,
            ties: [
                (0, 1, .social), (1, 0, .family), (2, 2, .social), (3, 4, .social), (4, 3, .social), (0, 4, .social),
            ])
        let rows = Self.checkInvariants(graph)
        #expect(rows == [[1, 4], [0], [], [4], [0, 3]])
        #expect(graph.kind(from: 0, to: 1) == .family && graph.kind(from: 1, to: 0) == .family)
        #expect(graph.kind(from: 3, to: 4) == .social)
        #expect(graph.kind(from: 2, to: 3) == nil)
        #expect(graph.slotCount == 6)
    }
}
