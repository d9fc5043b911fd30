import Agents
import CVector

/// Per-worker space for one block of citizens that the kernel itself keeps (the mechanisms keep
/// their own): the block's tie words, copied in one tight loop; what each citizen saw of its ties,
/// summed before any of them decides; and the random blocks its citizens will draw from
/// (``BlockDraws``).
///
/// Copying a block's tie words in a loop that does nothing else keeps many reads from random
/// places in flight at once; the per-tie arithmetic then reads them from cache, and they are
/// still cached when the block's decisions read a few of them again (ratings, tie cutting).
final class KernelScratch: @unchecked Sendable {
    /// Citizens gathered, then decided, at a time.
    static let blockSize = 1024

    private let neighbourhoods: PerWorker<Neighbourhood>
    private let behaviourCounts: PerWorker<SIMD4<Float>>
    private let words: PerWorker<UInt32>
    private let drawLayout: BlockDraws.Layout
    private let draws: PerWorker<Philox4x32.Counter>

    /// Space for `workers` workers, up to `behaviourGroups` groups of four behaviours, the tie
    /// words of any block of `graph` that starts at a multiple of ``blockSize``, and the random
    /// blocks of `drawLayout`.
    init(workers: Int, behaviourGroups: Int, drawLayout: BlockDraws.Layout, graph: SocialGraph) {
        self.drawLayout = drawLayout
        draws = PerWorker(workers: workers, regionSize: drawLayout.slotCount * Self.blockSize, repeating: .zero)
        neighbourhoods = PerWorker(workers: workers, regionSize: Self.blockSize, repeating: Neighbourhood())
        behaviourCounts = PerWorker(workers: workers, regionSize: Self.blockSize * behaviourGroups, repeating: .zero)
        var largestBlock = 0
        for start in stride(from: 0, to: graph.citizenCount, by: Self.blockSize) {
            let end = min(start + Self.blockSize, graph.citizenCount)
            largestBlock = max(largestBlock, graph.offsets[end] - graph.offsets[start])
        }
        words = PerWorker(workers: workers, regionSize: largestBlock, repeating: 0)
    }

    /// Bytes held.
    var byteCount: Int {
        neighbourhoods.byteCount + behaviourCounts.byteCount + words.byteCount + draws.byteCount
    }

    /// Worker `worker`'s copy of its block's tie words, in slot order from the block's first slot.
    func words(worker: Int) -> UnsafeMutablePointer<UInt32> {
        words[worker]
    }

    /// Worker `worker`'s neighbourhoods, one per citizen of its block.
    func neighbourhoods(worker: Int) -> UnsafeMutablePointer<Neighbourhood> {
        neighbourhoods[worker]
    }

    /// Worker `worker`'s counts of ties who did each behaviour: citizen i of the block has group g's
    /// four counts at index g · blockSize + i.
    func behaviourCounts(worker: Int) -> UnsafeMutablePointer<SIMD4<Float>> {
        behaviourCounts[worker]
    }

    /// Worker `worker`'s random blocks for its block of citizens.
    func draws(worker: Int) -> BlockDraws {
        BlockDraws(layout: drawLayout, blocks: draws[worker])
    }
}
