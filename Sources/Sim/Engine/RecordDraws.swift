import Agents

/// The uniform draws that decide what of a citizen's conduct is recorded this tick.
///
/// Word 0 of the stream (seed, citizen, t+1, conductRecord) decides whether a false record is made
/// and of which behaviour; word 1 + b decides whether behaviour b's act is recorded. Block 0 is
/// computed beforehand for the whole block of citizens (``BlockDraws``), later blocks only when
/// needed; no draw depends on which other draws were needed.
struct RecordDraws {
    private let key: Philox4x32.Key
    private let citizen: UInt32
    private let tick: UInt32
    private var blockIndex: UInt32 = 0
    private var block: Philox4x32.Counter

    /// The draws of `citizen` at `tick` whose block 0 is `firstBlock`.
    init(key: Philox4x32.Key, citizen: Int, tick: UInt32, firstBlock: Philox4x32.Counter) {
        self.key = key
        self.citizen = UInt32(citizen)
        self.tick = tick
        block = firstBlock
        assert(
            firstBlock
                == Philox4x32.block(.init(UInt32(citizen), tick, RandomPurpose.conductRecord.rawValue, 0), key: key),
            "wrong first block")
    }

    /// Uniform in (0, 1) deciding whether, and of which behaviour, a false record is made.
    @inline(__always)
    mutating func falseRecordDraw() -> Double {
        word(0)
    }

    /// Uniform in (0, 1) deciding whether behaviour `behaviour`'s act is recorded.
    @inline(__always)
    mutating func recordDraw(behaviour: Int) -> Double {
        word(1 + behaviour)
    }

    @inline(__always)
    private mutating func word(_ index: Int) -> Double {
        let wanted = UInt32(index / 4)
        if wanted != blockIndex {
            blockIndex = wanted
            block = Philox4x32.block(
                Philox4x32.Counter(citizen, tick, RandomPurpose.conductRecord.rawValue, wanted), key: key)
        }
        return (Double(block[index % 4]) + 0.5) * 0x1p-32
    }
}
