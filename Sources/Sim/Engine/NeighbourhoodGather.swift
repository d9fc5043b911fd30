import Agents
import CVector

/// What every citizen of a block sees of its ties at tick t (a ``Neighbourhood`` each, and the
/// counts of its ties who did each behaviour), gathered before any of them decides.
///
/// With the dissent model alone a tie's word is read once, counting presence and dissent with one
/// table add. When a mechanism needs more (``TickNeeds/tieSums``), the block's tie words are first
/// copied in one tight loop, which keeps many reads from random places in flight, and then summed
/// (``TieSums``, or the whole block in one vector kernel); the copy stays for the mechanisms that
/// read ties' words again (ratings, tie cutting). Detained citizens see nothing.
struct NeighbourhoodGather {
    /// What a tie's `word & 3` (expressed dissent, present) adds to a gather's tally: 2³² per
    /// present tie plus 1 per dissenting tie, so one add per tie counts both (no citizen has 2³²
    /// ties, as ids are 32-bit). Written once, never changed.
    private nonisolated(unsafe) static let presenceTallies: UnsafePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 4)
        for bits in UInt32(0)..<4 {
            table[Int(bits)] =
                (bits & SignalWord.present != 0 ? 1 << 32 : 0) + (bits & SignalWord.expressedDissent != 0 ? 1 : 0)
        }
        return UnsafePointer(table)
    }()
    private let presenceTally = Self.presenceTallies

    let offsets: UnsafePointer<Int>
    let targets: UnsafePointer<UInt32>
    /// Tie kinds, or nil when no mechanism reads them (every tie then counts as social).
    let kinds: UnsafePointer<UInt8>?
    let current: UnsafePointer<UInt32>
    let detentionLeft: UnsafePointer<UInt16>
    /// Groups of four behaviours counted.
    let behaviourGroups: Int
    let familyWeight: Float
    let level: VectorLevel

    init(rules: RunConstants, graph: SocialGraph, state: SocietyState) {
        offsets = UnsafePointer(graph.offsets.base)
        targets = UnsafePointer(graph.targets.base)
        kinds = rules.readsKinds ? UnsafePointer(graph.kinds.base) : nil
        current = UnsafePointer(state.current.base)
        detentionLeft = UnsafePointer(state.detentionLeft.base)
        behaviourGroups = rules.conduct.groupCount
        familyWeight = rules.score.familyWeight
        level = rules.vectorLevel
    }

    /// Counts present and dissenting ties of every citizen of `block` into `neighbourhoods` (the
    /// citizen at index i to element i): the dissent model's gather.
    @inline(__always)
    func countDissent(_ block: Range<Int>, into neighbourhoods: UnsafeMutablePointer<Neighbourhood>) {
        for citizen in block {
            var seen = Neighbourhood()
            if detentionLeft[citizen] == 0 {
                var tally: UInt64 = 0
                for slot in offsets[citizen]..<offsets[citizen + 1] {
                    tally &+= presenceTally[Int(current[Int(targets[slot])] & 3)]
                }
                seen.active = Int32(truncatingIfNeeded: tally >> 32)
                seen.dissenting = Int32(truncatingIfNeeded: tally)
            }
            neighbourhoods[citizen - block.lowerBound] = seen
        }
    }

    /// Copies the words of tick t of the ties of `block` into `words` (the tie in slot s at
    /// `words[s − offsets[block.lowerBound]]`), then sums them: what the citizen at index i sees
    /// goes to `neighbourhoods[i]`, the counts of its ties who did the behaviours of group g to
    /// `behaviourCounts[g · blockSize + i]`. Kept out of line, as every pass over a block (see
    /// ``ConductMechanism/choose(_:worker:neighbourhoods:counts:draws:score:sanctions:perks:level:)``).
    @inline(never)
    func sum(
        _ block: Range<Int>, words: UnsafeMutablePointer<UInt32>,
        into neighbourhoods: UnsafeMutablePointer<Neighbourhood>, behaviourCounts: UnsafeMutablePointer<SIMD4<Float>>
    ) {
        let first = block.lowerBound
        let firstSlot = offsets[first]
        let blockTargets = targets + firstSlot
        for index in 0..<(offsets[block.upperBound] - firstSlot) {
            words[index] = current[Int(blockTargets[index])]
        }
        var tieBlock = cvector_tie_block(
            offsets: UnsafeRawPointer(offsets + first).assumingMemoryBound(to: Int64.self), words: words,
            kinds: kinds.map { $0 + firstSlot }, own_words: current + first, detained: detentionLeft + first)
        if VectorKernels.sumBlockTies(
            &tieBlock, count: block.count, groups: behaviourGroups, familyWeight: familyWeight, seen: neighbourhoods,
            behaviourCounts: UnsafeMutableRawPointer(behaviourCounts).assumingMemoryBound(to: Float.self),
            stride: KernelScratch.blockSize, level: level)
        {
            return
        }
        for citizen in block {
            let index = citizen - first
            neighbourhoods[index] = sum(citizen, words: words - firstSlot, behaviourCounts: behaviourCounts + index)
        }
    }

    /// One citizen's sums for ``sum(_:words:into:behaviourCounts:)`` (`words[slot]` is the word of
    /// the tie in `slot`), four ties at a time. Kept out of line: inlined into the tick's large
    /// loop, it had the compiler leave TieSums' four-tie step as a call, its sums in memory.
    @inline(never)
    private func sum(
        _ citizen: Int, words: UnsafeMutablePointer<UInt32>, behaviourCounts: UnsafeMutablePointer<SIMD4<Float>>
    ) -> Neighbourhood {
        let stride = KernelScratch.blockSize
        guard detentionLeft[citizen] == 0 else {
            for group in 0..<behaviourGroups { behaviourCounts[group * stride] = .zero }
            return Neighbourhood()
        }
        let start = offsets[citizen]
        var sums = TieSums(ownWord: current[citizen])
        sums.add(words: words + start, kinds: kinds.map { $0 + start }, count: offsets[citizen + 1] - start)
        if behaviourGroups > 0 { behaviourCounts[0] = sums.behaviourCounts.0 }
        if behaviourGroups > 1 { behaviourCounts[stride] = sums.behaviourCounts.1 }
        if behaviourGroups > 2 { behaviourCounts[2 * stride] = sums.behaviourCounts.2 }
        return sums.neighbourhood(familyWeight: familyWeight)
    }
}
