import Agents

/// The uniform draws that decide whether a citizen's acts are recorded, indexed by behaviour.
///
/// Behaviour b's record draw and false-record draw are words 2b and 2b + 1 of the stream
/// (seed, citizen, t+1, conductRecord): each is computed only when needed, and neither depends on
/// which other behaviours needed draws.
struct RecordDraws {
    private let key: Philox4x32.Key
    private let citizen: UInt32
    private let tick: UInt32
    private var blockIndex = UInt32.max
    private var block = Philox4x32.Counter()

    init(seed: UInt64, citizen: Int, tick: UInt32) {
        key = Philox4x32.Key(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        self.citizen = UInt32(citizen)
        self.tick = tick
    }

    /// Uniform in (0, 1) deciding whether behaviour `behaviour`'s act is recorded.
    mutating func recordDraw(behaviour: Int) -> Double {
        word(2 * behaviour)
    }

    /// Uniform in (0, 1) deciding whether behaviour `behaviour` is falsely recorded.
    mutating func falseRecordDraw(behaviour: Int) -> Double {
        word(2 * behaviour + 1)
    }

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
