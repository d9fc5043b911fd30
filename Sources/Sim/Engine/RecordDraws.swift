import Agents

/// The uniform draws that decide what of a citizen's conduct is recorded this tick.
///
/// Word 0 of the stream (seed, citizen, t+1, conductRecord) decides whether a false record is made
/// and of which behaviour; word 1 + b decides whether behaviour b's act is recorded. Every block
/// of the stream a tick can use is computed beforehand for the whole block of citizens
/// (``BlockDraws``); no draw depends on which other draws were needed.
struct RecordDraws {
    /// The citizen's block 0 of the stream; block k is k · ``KernelScratch/blockSize`` further.
    private let blocks: UnsafePointer<Philox4x32.Counter>

    /// The draws of the citizen at `index` of the block whose record blocks `draws` holds.
    @inline(__always)
    init(draws: BlockDraws, index: Int) {
        blocks = draws.blocks(slot: draws.layout.conductRecord.unsafelyUnwrapped) + index
    }

    /// Blocks of the stream a tick with `behaviourCount` behaviours can use: words 0...behaviourCount.
    static func blockCount(behaviourCount: Int) -> Int {
        behaviourCount / 4 + 1
    }

    /// Uniform in (0, 1) deciding whether, and of which behaviour, a false record is made.
    @inline(__always)
    func falseRecordDraw() -> Double {
        word(0)
    }

    /// Uniform in (0, 1) deciding whether behaviour `behaviour`'s act is recorded.
    @inline(__always)
    func recordDraw(behaviour: Int) -> Double {
        word(1 + behaviour)
    }

    @inline(__always)
    private func word(_ index: Int) -> Double {
        (Double(blocks[index / 4 * KernelScratch.blockSize][index % 4]) + 0.5) * 0x1p-32
    }
}
