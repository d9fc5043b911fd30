import Agents

/// The Philox blocks of the streams that nearly every citizen draws from at a tick (act choices,
/// records, false dissent records, ratings received, dating, trips), computed for a whole block of
/// citizens at once with ``PhiloxBatch``: every block of the act and record streams, the first
/// of the others.
///
/// A stream's words do not depend on how its blocks were computed, so outputs are those of
/// computing each block where it is used; vectors of 8 or 16 counters just make them cheaper.
/// Streams a citizen draws from only rarely (dissent detection, tie cutting) are left to compute
/// their blocks where needed.
struct BlockDraws {
    /// Which streams are precomputed, each in its own slot of a block's draws.
    struct Layout {
        /// Slots of (citizen, t+1, purpose, 0), or nil when the run never draws from that stream.
        /// The record stream's later blocks follow its block 0 (``RecordDraws``).
        let conductRecord: Int?
        let falseDissentRecord: Int?
        let peerRating: Int?
        let dating: Int?
        let trips: Int?
        /// The stream of each slot, in slot order: its purpose and block number.
        let streams: [(purpose: RandomPurpose, block: UInt32)]
        /// The run's seed and its Philox key, which every stream is keyed by.
        let seed: UInt64
        let key: Philox4x32.Key
        /// Slots in all.
        var slotCount: Int { streams.count }

        /// The streams `rules` draw from at nearly every citizen and tick.
        init(rules: RunConstants) {
            seed = rules.seed
            key = rules.key
            let regime = rules.runsRegime
            // Slot g holds the block (citizen, t+1, conduct, g) of group g of four behaviours.
            let conductGroups = regime ? rules.conduct.groupCount : 0
            var streams = (0..<conductGroups).map { (purpose: RandomPurpose.conduct, block: UInt32($0)) }
            func slot(_ purpose: RandomPurpose, if needed: Bool, blocks: Int = 1) -> Int? {
                guard needed else { return nil }
                streams += (0..<blocks).map { (purpose, UInt32($0)) }
                return streams.count - blocks
            }
            conductRecord = slot(
                .conductRecord, if: regime && rules.records.behaviourCount > 0,
                blocks: RecordDraws.blockCount(behaviourCount: rules.records.behaviourCount))
            falseDissentRecord = slot(.falseDissentRecord, if: regime && rules.dissent.misidentification > 0)
            peerRating = slot(.peerRating, if: regime && rules.ratings.enabled)
            dating = slot(.dating, if: regime && rules.perks.dating)
            trips = slot(.trips, if: regime && rules.trips.simulated)
            self.streams = streams
        }
    }

    let layout: Layout
    /// Slot s of the citizen at index i of the block is `blocks[s · KernelScratch.blockSize + i]`.
    private let blocks: UnsafeMutablePointer<Philox4x32.Counter>

    init(layout: Layout, blocks: UnsafeMutablePointer<Philox4x32.Counter>) {
        self.layout = layout
        self.blocks = blocks
    }

    /// Computes every slot for `citizens` (at most ``KernelScratch/blockSize``) at tick `tick`,
    /// with `level`'s instructions.
    func fill(citizens: Range<Int>, tick: UInt32, level: VectorLevel) {
        for (slot, stream) in layout.streams.enumerated() {
            PhiloxBatch.fill(
                blocks + slot * KernelScratch.blockSize, count: citizens.count, first: UInt32(citizens.lowerBound),
                word1: tick, word2: stream.purpose.rawValue, word3: stream.block, key: layout.key, level: level)
        }
    }

    /// Slot `slot` of the citizen at index `index` of the block.
    @inline(__always)
    subscript(slot: Int, index: Int) -> Philox4x32.Counter {
        blocks[slot * KernelScratch.blockSize + index]
    }

    /// Slot `slot` for the whole block: the citizen at index i's block is element i.
    @inline(__always)
    func blocks(slot: Int) -> UnsafePointer<Philox4x32.Counter> {
        UnsafePointer(blocks + slot * KernelScratch.blockSize)
    }

    /// The conduct groups' slots: group g's block for the citizen at index i is at
    /// g · ``KernelScratch/blockSize`` + i.
    var conductBlocks: UnsafePointer<Philox4x32.Counter> {
        UnsafePointer(blocks)
    }

    /// The stream (`citizen`, `tick`, `purpose`) of the run's seed, starting from slot `slot`'s
    /// block for the citizen at index `index` when that stream is precomputed (`slot` not nil).
    @inline(__always)
    func stream(_ purpose: RandomPurpose, slot: Int?, citizen: Int, index: Int, tick: UInt32) -> RandomStream {
        guard let slot else {
            return RandomStream(seed: layout.seed, entity: UInt32(citizen), tick: tick, purpose: purpose)
        }
        return RandomStream(
            key: layout.key, entity: UInt32(citizen), tick: tick, purpose: purpose, firstBlock: self[slot, index])
    }
}
