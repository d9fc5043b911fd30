import Agents
import CVector

/// Per-worker space for one block of citizens: its ties' signal words, copied in one tight loop,
/// what each citizen saw of its ties, summed before any of them decides, the random blocks its
/// citizens will draw from (``BlockDraws``), and what the block passes computed for each citizen
/// (acts chosen and their inputs, ratings received).
///
/// Copying a block's tie words in a loop that does nothing else keeps many reads from random
/// places in flight at once; the per-tie arithmetic then reads them from cache, and they are
/// still cached when the block's decisions read a few of them again (ratings, tie cutting).
final class KernelScratch: @unchecked Sendable {
    /// Citizens gathered, then decided, at a time.
    static let blockSize = 1024
    /// Elements between two workers' regions: a block and a cache line's worth of padding.
    private static let workerStride = blockSize + 16

    private let neighbourhoods: Column<Neighbourhood>
    private let behaviourCounts: Column<SIMD4<Float>>
    private let conductValues: Column<Float>
    private let ratingValues: Column<Float>
    private let acts: Column<UInt32>
    private let groups: Int
    private let words: Column<UInt32>
    private let wordStride: Int
    private let drawLayout: BlockDraws.Layout
    private let draws: Column<Philox4x32.Counter>

    /// Space for `workers` workers, up to `behaviourGroups` groups of four behaviours, the tie
    /// words of any block of `graph` that starts at a multiple of ``blockSize``, and the random
    /// blocks of `drawLayout`.
    init(workers: Int, behaviourGroups: Int, drawLayout: BlockDraws.Layout, graph: SocialGraph) {
        groups = behaviourGroups
        self.drawLayout = drawLayout
        draws = Column(count: workers * drawLayout.slotCount * Self.blockSize, repeating: .zero)
        neighbourhoods = Column(count: workers * Self.workerStride, repeating: Neighbourhood())
        behaviourCounts = Column(count: workers * Self.workerStride * behaviourGroups, repeating: .zero)
        conductValues = Column(count: workers * Self.workerStride * 3, repeating: 0)
        ratingValues = Column(count: workers * Self.workerStride * 3, repeating: 0)
        acts = Column(count: workers * Self.workerStride, repeating: 0)
        var largestBlock = 0
        for start in stride(from: 0, to: graph.citizenCount, by: Self.blockSize) {
            let end = min(start + Self.blockSize, graph.citizenCount)
            largestBlock = max(largestBlock, graph.offsets[end] - graph.offsets[start])
        }
        wordStride = largestBlock + 16
        words = Column(count: workers * wordStride, repeating: 0)
    }

    /// Bytes held.
    var byteCount: Int {
        neighbourhoods.byteCount + behaviourCounts.byteCount + conductValues.byteCount + ratingValues.byteCount
            + acts.byteCount + words.byteCount + draws.byteCount
    }

    /// Worker `worker`'s copy of its block's tie words, in slot order from the block's first slot.
    func words(worker: Int) -> UnsafeMutablePointer<UInt32> {
        words.base + worker * wordStride
    }

    /// Worker `worker`'s neighbourhoods, one per citizen of its block.
    func neighbourhoods(worker: Int) -> UnsafeMutablePointer<Neighbourhood> {
        neighbourhoods.base + worker * Self.workerStride
    }

    /// Worker `worker`'s counts of ties who did each behaviour: citizen i of the block has group g's
    /// four counts at index g · blockSize + i.
    func behaviourCounts(worker: Int) -> UnsafeMutablePointer<SIMD4<Float>> {
        behaviourCounts.base + worker * Self.workerStride * groups
    }

    /// Worker `worker`'s per-citizen inputs of the behaviour choice: ln means, social weight and
    /// ambition × stake of citizen i at i, blockSize + i and 2 · blockSize + i.
    func conductValues(worker: Int) -> UnsafeMutablePointer<Float> {
        conductValues.base + worker * Self.workerStride * 3
    }

    /// Worker `worker`'s ratings received: honest rating, Σ weight and Σ weight · rating of
    /// citizen i at i, blockSize + i and 2 · blockSize + i.
    func ratingValues(worker: Int) -> UnsafeMutablePointer<Float> {
        ratingValues.base + worker * Self.workerStride * 3
    }

    /// Worker `worker`'s acts chosen, one word per citizen of its block.
    func acts(worker: Int) -> UnsafeMutablePointer<UInt32> {
        acts.base + worker * Self.workerStride
    }

    /// Worker `worker`'s random blocks for its block of citizens.
    func draws(worker: Int) -> BlockDraws {
        BlockDraws(layout: drawLayout, blocks: draws.base + worker * drawLayout.slotCount * Self.blockSize)
    }
}
