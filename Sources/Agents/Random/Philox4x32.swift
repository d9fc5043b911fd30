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

    /// Encrypts `counter` under `key` with the given number of rounds (10 for Philox4x32-10).
    @inlinable
    public static func block(_ counter: Counter, key: Key, rounds: Int = 10) -> Counter {
        var x = counter
        var k = key
        for round in 0..<rounds {
            if round > 0 {
                k &+= Key(weyl0, weyl1)
            }
            let product0 = UInt64(multiplier0) &* UInt64(x[0])
            let product1 = UInt64(multiplier1) &* UInt64(x[2])
            x = Counter(
                UInt32(truncatingIfNeeded: product1 >> 32) ^ x[1] ^ k[0],
                UInt32(truncatingIfNeeded: product1),
                UInt32(truncatingIfNeeded: product0 >> 32) ^ x[3] ^ k[1],
                UInt32(truncatingIfNeeded: product0)
            )
        }
        return x
    }
}
