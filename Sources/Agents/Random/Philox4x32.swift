/// The Philox4x32-10 counter-based generator of Salmon et al. (2011), "Parallel random numbers:
/// as easy as 1, 2, 3".
///
/// A pure function from a 128-bit counter and a 64-bit key to 128 random bits: the same
/// (counter, key) always gives the same output, so any citizen's draws can be made on any thread
/// in any order. The output matches the Random123 reference implementation's known-answer vectors.
public enum Philox4x32 {
    /// A 128-bit counter as four 32-bit words.
    public typealias Counter = SIMD4<UInt32>
    /// A 64-bit key as two 32-bit words.
    public typealias Key = SIMD2<UInt32>

    @usableFromInline static let multiplier0: UInt32 = 0xD251_1F53
    @usableFromInline static let multiplier1: UInt32 = 0xCD9E_8D57
    @usableFromInline static let weyl0: UInt32 = 0x9E37_79B9
    @usableFromInline static let weyl1: UInt32 = 0xBB67_AE85

    /// The key of a 64-bit seed: its low and high words.
    @inlinable @inline(__always)
    public static func key(seed: UInt64) -> Key {
        Key(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
    }

    /// Encrypts `counter` under `key` with the given number of rounds (10 for Philox4x32-10).
    @inlinable @inline(__always)
    public static func block(_ counter: Counter, key: Key, rounds: Int = 10) -> Counter {
        var (x0, x1, x2, x3) = (counter[0], counter[1], counter[2], counter[3])
        var (k0, k1) = (key[0], key[1])
        for round in 0..<rounds {
            if round > 0 {
                k0 &+= weyl0
                k1 &+= weyl1
            }
            let product0 = UInt64(multiplier0) &* UInt64(x0)
            let product1 = UInt64(multiplier1) &* UInt64(x2)
            (x0, x1, x2, x3) = (
                UInt32(truncatingIfNeeded: product1 >> 32) ^ x1 ^ k0,
                UInt32(truncatingIfNeeded: product1),
                UInt32(truncatingIfNeeded: product0 >> 32) ^ x3 ^ k1,
                UInt32(truncatingIfNeeded: product0)
            )
        }
        return Counter(x0, x1, x2, x3)
    }
}
