/// A deterministic stream of random numbers for one (seed, entity, tick, purpose).
///
/// The Philox counter is (entity, tick, purpose, block); successive draws walk `block`. Two streams
/// with any differing coordinate are statistically independent, and a stream never depends on
/// which thread draws it or what was drawn before.
public struct RandomStream: Sendable {
    @usableFromInline let key: Philox4x32.Key
    @usableFromInline var counter: Philox4x32.Counter
    @usableFromInline var buffer: Philox4x32.Counter = .zero
    @usableFromInline var used: Int = 4

    /// A stream keyed by `seed` for `entity` (usually a citizen id) at `tick` for `purpose`.
    @inlinable
    public init(seed: UInt64, entity: UInt32, tick: UInt32, purpose: RandomPurpose) {
        key = Philox4x32.key(seed: seed)
        counter = Philox4x32.Counter(entity, tick, purpose.rawValue, 0)
    }

    /// The stream keyed by `key` for `entity` at `tick` for `purpose` whose first block,
    /// `firstBlock`, was computed beforehand (by ``PhiloxBatch``): it draws exactly what
    /// ``init(seed:entity:tick:purpose:)`` with that key's seed would.
    @inlinable
    public init(
        key: Philox4x32.Key, entity: UInt32, tick: UInt32, purpose: RandomPurpose, firstBlock: Philox4x32.Counter
    ) {
        self.key = key
        counter = Philox4x32.Counter(entity, tick, purpose.rawValue, 1)
        buffer = firstBlock
        used = 0
        assert(firstBlock == Philox4x32.block(.init(entity, tick, purpose.rawValue, 0), key: key), "wrong first block")
    }

    /// The next 32 uniformly distributed bits.
    @inlinable @inline(__always)
    public mutating func nextUInt32() -> UInt32 {
        if used == 4 {
            buffer = Philox4x32.block(counter, key: key)
            counter[3] &+= 1
            used = 0
        }
        defer { used += 1 }
        return buffer[used]
    }

    /// A uniform draw in the open interval (0, 1), with 32 bits of resolution.
    @inlinable @inline(__always)
    public mutating func nextUniform() -> Double {
        (Double(nextUInt32()) + 0.5) * 0x1p-32
    }

    /// A uniform integer in 0..<bound (Lemire's multiply-shift; bias below 2^-32 · bound).
    @inlinable @inline(__always)
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0 && bound <= Int(UInt32.max), "bound out of range")
        return Int((UInt64(nextUInt32()) &* UInt64(bound)) >> 32)
    }
}
