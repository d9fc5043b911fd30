/// Elementary functions computed with plain IEEE single-precision arithmetic.
///
/// Unlike the C library's `expf` or `roundf`, whose results or cost differ between platforms and
/// versions, these give the same bits wherever IEEE-754 arithmetic is used, which keeps the model's
/// outputs reproducible across machines; and they are short enough to inline into hot loops. The
/// exponential works on four lanes at once, one SSE or NEON register, each lane computed exactly
/// as a scalar evaluation of the same formula would be.
public enum PortableMath {
    /// e^x lane by lane, with relative error below 5e-7 for x in [−87, 88]; inputs are clamped there.
    @inlinable @inline(__always)
    public static func exp(_ x: SIMD4<Float>) -> SIMD4<Float> {
        let clamped = x.replacing(with: -87, where: x .< -87).replacing(with: 88, where: x .> 88)
        // Adding 1.5 · 2^23 rounds x · log2(e) to the nearest integer n, which then sits in the low
        // mantissa bits: n as a Float, and n + 127 shifted into the exponent field.
        let magic = SIMD4<Float>(repeating: 12_582_912)
        let shifted = clamped * 1.442_695_04 + magic
        let n = shifted - magic
        // r = x − n ln 2 in two steps (Cody and Waite), so r keeps full precision; |r| ≤ ln(2)/2.
        let r = (clamped - n * 0.693_145_751_953_125) - n * 1.428_606_765_330_187e-6
        var p = SIMD4<Float>(repeating: 1 / 720)
        p = p * r + 1 / 120
        p = p * r + 1 / 24
        p = p * r + 1 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let bits = unsafeBitCast(shifted, to: SIMD4<UInt32>.self)
        let exponent = (bits &- Float(12_582_912).bitPattern &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: SIMD4<Float>.self)
    }

    /// The logistic function 1 / (1 + e^−x), lane by lane.
    @inlinable @inline(__always)
    public static func logistic(_ x: SIMD4<Float>) -> SIMD4<Float> {
        1 / (1 + exp(-x))
    }

    /// x rounded to the nearest integer, halves away from zero: `Int32(x.rounded())` without a
    /// library call. Like that expression, it traps when the result does not fit in an Int32.
    @inlinable @inline(__always)
    public static func nearestInteger(_ x: Float) -> Int32 {
        let truncated = Int32(x)
        // Exact: the fractional part of a Float is itself a Float.
        let fraction = x - Float(truncated)
        // Selects, not branches: the fraction is as good as random, so a branch would mispredict.
        return truncated + (fraction >= 0.5 ? 1 : 0) - (fraction <= -0.5 ? 1 : 0)
    }
}
