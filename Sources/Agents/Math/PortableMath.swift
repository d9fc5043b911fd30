/// Elementary functions computed with plain IEEE single-precision arithmetic.
///
/// Unlike the C library's `expf`, whose last bits differ between platforms and versions, these
/// give the same bits wherever IEEE-754 arithmetic is used, which keeps the model's outputs
/// reproducible across machines; and they are short enough to inline into hot loops.
public enum PortableMath {
    /// e^x with relative error below 5e-7 for x in [−87, 88]; inputs are clamped there.
    @inlinable @inline(__always)
    public static func exp(_ x: Float) -> Float {
        let clamped = min(max(x, -87), 88)
        // Adding 1.5 · 2^23 rounds x · log2(e) to the nearest integer n, which then sits in the low
        // mantissa bits: n as a Float, and n + 127 shifted into the exponent field.
        let shifted = clamped * 1.442_695_04 + 12_582_912
        let n = shifted - 12_582_912
        // r = x − n ln 2 in two steps (Cody and Waite), so r keeps full precision; |r| ≤ ln(2)/2.
        let r = (clamped - n * 0.693_145_751_953_125) - n * 1.428_606_765_330_187e-6
        var p: Float = 1 / 720
        p = p * r + 1 / 120
        p = p * r + 1 / 24
        p = p * r + 1 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let exponent = (shifted.bitPattern &- Float(12_582_912).bitPattern &+ 127) &<< 23
        return p * Float(bitPattern: exponent)
    }

    /// The logistic function 1 / (1 + e^−x).
    @inlinable @inline(__always)
    public static func logistic(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }
}
