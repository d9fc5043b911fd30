/// Elementary functions computed with IEEE-754 +, −, ×, ÷ and bit manipulation only.
///
/// Unlike the C library's `exp`, `log` or `roundf`, whose results or cost differ between platforms
/// and versions, these give the same bits wherever IEEE-754 arithmetic is used (round to nearest,
/// no fused multiply-add), which keeps the model's outputs reproducible across machines. Every
/// elementary function that affects outputs goes through them: the single-precision exponential
/// here (scalar, and on four lanes at once, one SSE or NEON register, each lane computed exactly
/// as the scalar), the double-precision exponential (PortableMath+Exp.swift) and the logarithms
/// (PortableMath+Log.swift).
public enum PortableMath {
    /// e^x, with relative error below 5e-7 (at most 3 ulp from the correctly rounded value) for x
    /// in [−87, 88]; inputs are clamped there, so e^x never overflows to infinity nor underflows
    /// below e^−87 ≈ 1.6e-38. NaN gives NaN. The same bits as each lane of
    /// ``exp(_:)-(SIMD4<Float>)``.
    @inlinable @inline(__always)
    public static func exp(_ x: Float) -> Float {
        let clamped = x < Exp.lowest ? Exp.lowest : x > Exp.highest ? Exp.highest : x
        let shifted = clamped * Exp.log2e + Exp.magic
        let n = shifted - Exp.magic
        let r = (clamped - n * Exp.ln2High) - n * Exp.ln2Low
        var p = Exp.coefficients.6
        p = p * r + Exp.coefficients.5
        p = p * r + Exp.coefficients.4
        p = p * r + Exp.coefficients.3
        p = p * r + Exp.coefficients.2
        p = p * r + Exp.coefficients.1
        p = p * r + Exp.coefficients.0
        let exponent = (shifted.bitPattern &- Exp.magic.bitPattern &+ 127) &<< 23
        return p * Float(bitPattern: exponent)
    }

    /// e^x lane by lane, each lane as ``exp(_:)-(Float)``: relative error below 5e-7 for x in
    /// [−87, 88]; inputs are clamped there.
    @inlinable @inline(__always)
    public static func exp(_ x: SIMD4<Float>) -> SIMD4<Float> {
        let clamped = x.replacing(with: Exp.lowest, where: x .< Exp.lowest)
            .replacing(with: Exp.highest, where: x .> Exp.highest)
        // Adding 1.5 · 2^23 rounds x · log2(e) to the nearest integer n, which then sits in the low
        // mantissa bits: n as a Float, and n + 127 shifted into the exponent field.
        let magic = SIMD4<Float>(repeating: Exp.magic)
        let shifted = clamped * Exp.log2e + magic
        let n = shifted - magic
        // r = x − n ln 2 in two steps (Cody and Waite), so r keeps full precision; |r| ≤ ln(2)/2.
        let r = (clamped - n * Exp.ln2High) - n * Exp.ln2Low
        var p = SIMD4<Float>(repeating: Exp.coefficients.6)
        p = p * r + Exp.coefficients.5
        p = p * r + Exp.coefficients.4
        p = p * r + Exp.coefficients.3
        p = p * r + Exp.coefficients.2
        p = p * r + Exp.coefficients.1
        p = p * r + Exp.coefficients.0
        let bits = unsafeBitCast(shifted, to: SIMD4<UInt32>.self)
        let exponent = (bits &- Exp.magic.bitPattern &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: SIMD4<Float>.self)
    }

    /// The constants of the single-precision exponential, which CVector's kernels repeat
    /// (`CVECTOR_EXP_*`; a test checks that they agree).
    @usableFromInline
    enum Exp {
        /// Inputs are clamped to [lowest, highest].
        @inlinable static var lowest: Float { -87 }
        @inlinable static var highest: Float { 88 }
        /// 1.5 · 2²³: adding it rounds a Float below 2²² in magnitude to an integer.
        @inlinable static var magic: Float { 12_582_912 }
        @inlinable static var log2e: Float { 1.442_695_04 }
        /// ln 2 split in two (Cody and Waite): high + low.
        @inlinable static var ln2High: Float { 0.693_145_751_953_125 }
        @inlinable static var ln2Low: Float { 1.428_606_765_330_187e-6 }
        /// The polynomial's coefficients c0 ... c6 (1/k!), lowest degree first.
        @inlinable static var coefficients: (Float, Float, Float, Float, Float, Float, Float) {
            (1, 1, 0.5, 1 / 6, 1 / 24, 1 / 120, 1 / 720)
        }
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
