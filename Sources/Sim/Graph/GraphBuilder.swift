import Agents

/// Builds the social graph a scenario's `[graph]` section describes.
///
/// The graph depends only on (spec, citizen count, seed): generators draw from streams keyed by
/// household or citizen ids and `threads` only spreads row sorting over workers.
/// - Small-world: households (if enabled) plus a Watts–Strogatz ring lattice of even degree
///   k ≤ `meanDegree`, each lattice tie rewired with probability `rewire`. A lattice tie inside a
///   household stays one family tie, and a rewired tie can land on an existing one, so the realised
///   mean degree is somewhat below (mean household size - 1) + k.
/// - Scale-free: households plus Barabási–Albert attachment of m = max(1, round(`meanDegree` / 2))
///   ties per newcomer after a seed clique of m + 1 citizens.
/// - Random: households plus Erdős–Rényi G(N, p) with p = `meanDegree` / (N - 1), capped at 1.
/// - Edge list: social ties read from `file` (households are ignored).
///
/// Ids are laid out so most ties are local: households are consecutive ids and unrewired lattice
/// ties span at most k / 2 ids. Building keeps peak memory near the final graph's: no list of
/// ties is materialised (see the memory notes of each generator).
public enum GraphBuilder {
    /// Builds the graph for `spec`.
    ///
    /// - Parameters:
    ///   - citizenCount: The population size. Required for generators; for an edge list, nil takes
    ///     the size from the file (largest id + 1), and a size makes any larger id an error.
    ///   - seed: The run seed.
    ///   - threads: Upper bound on workers (≥ 1); never changes the result.
    /// - Throws: ``GraphError`` for an unreadable or malformed edge list or a missing size or file.
    public static func build(
        spec: GraphSpec, citizenCount: Int?, seed: UInt64, threads: Int
    ) throws -> (SocialGraph, GraphReport) {
        precondition(spec.meanDegree >= 0 && spec.rewire >= 0 && spec.rewire <= 1, "graph spec out of range")
        if spec.model == .edgeList {
            guard let path = spec.file else { throw GraphError.missingEdgeListFile }
            let n = try citizenCount ?? EdgeListFile.citizenCount(path: path)
            let slots = try SlotAssembler.assemble(
                EdgeListFile(path: path, citizenCount: n), citizenCount: n, threads: threads)
            return finish(slots, model: spec.model, households: 0, generatorDegree: 0, threads: threads)
        }
        guard let n = citizenCount else { throw GraphError.missingCitizenCount(model: spec.model) }
        let households =
            spec.households.enabled
            ? HouseholdLayout(citizenCount: n, size: spec.households.size, seed: seed) : .none
        let slots: SlotAssembler.Slots
        let generatorDegree: Int
        switch spec.model {
        case .smallWorld:
            let social = SmallWorldTies(citizenCount: n, meanDegree: spec.meanDegree, rewire: spec.rewire, seed: seed)
            generatorDegree = social.latticeDegree
            slots = SlotAssembler.assemble(
                GeneratedTies(households: households, social: social), citizenCount: n, threads: threads)
        case .scaleFree:
            let social = ScaleFreeTies(citizenCount: n, meanDegree: spec.meanDegree, seed: seed)
            generatorDegree = social.m
            slots = SlotAssembler.assemble(
                GeneratedTies(households: households, social: social), citizenCount: n, threads: threads)
        case .random:
            let social = RandomTies(citizenCount: n, meanDegree: spec.meanDegree, seed: seed)
            generatorDegree = 0
            slots = SlotAssembler.assemble(
                GeneratedTies(households: households, social: social), citizenCount: n, threads: threads)
        case .edgeList:
            preconditionFailure("edge lists are handled above")
        }
        return finish(
            slots, model: spec.model, households: households.count, generatorDegree: generatorDegree, threads: threads)
    }

    /// The number of citizens an edge list implies: its largest id + 1 (0 when it has no ties).
    /// - Throws: ``GraphError`` when the file is unreadable or malformed.
    public static func citizenCount(ofEdgeList path: String) throws -> Int {
        try EdgeListFile.citizenCount(path: path)
    }

    /// Wraps assembled slots in a graph and measures it.
    private static func finish(
        _ slots: SlotAssembler.Slots, model: GraphSpec.Model, households: Int, generatorDegree: Int, threads: Int
    ) -> (SocialGraph, GraphReport) {
        let n = slots.offsets.count - 1
        let graph = SocialGraph(citizenCount: n, offsets: slots.offsets, targets: slots.targets, kinds: slots.kinds)
        let plan = ChunkedParallel(count: n, threads: threads)
        let tallies = Column<RowTally>(count: plan.chunkCount, repeating: RowTally())
        plan.forEachChunk { _, chunk, rows in
            var tally = RowTally()
            for i in rows {
                let degree = graph.degree(of: i)
                tally.maxDegree = max(tally.maxDegree, degree)
                if degree == 0 { tally.isolated += 1 }
                for slot in graph.slots(of: i) {
                    switch graph.kinds[slot] {
                    case TieKind.family.rawValue: tally.familySlots += 1
                    case TieKind.distant.rawValue: tally.distantSlots += 1
                    default: break
                    }
                }
            }
            tallies[chunk] = tally
        }
        let total = tallies.buffer.reduce(into: RowTally()) { sum, part in
            sum.familySlots += part.familySlots
            sum.distantSlots += part.distantSlots
            sum.isolated += part.isolated
            sum.maxDegree = max(sum.maxDegree, part.maxDegree)
        }
        let report = GraphReport(
            model: model,
            citizenCount: n,
            ties: graph.slotCount / 2,
            familyTies: total.familySlots / 2,
            socialTies: (graph.slotCount - total.familySlots) / 2,
            distantTies: total.distantSlots / 2,
            households: households,
            generatorDegree: generatorDegree,
            meanDegree: n > 0 ? Double(graph.slotCount) / Double(n) : 0,
            maxDegree: total.maxDegree,
            isolatedCitizens: total.isolated,
            selfLoopsDropped: slots.dropped.selfLoops,
            duplicatesDropped: slots.dropped.duplicates,
            byteCount: graph.byteCount)
        return (graph, report)
    }

    /// Per-chunk row statistics, summed in chunk order.
    private struct RowTally: BitwiseCopyable {
        var familySlots = 0
        var distantSlots = 0
        var isolated = 0
        var maxDegree = 0
    }
}
