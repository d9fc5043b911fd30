extension PortableMath {
    /// ln x in double precision, within 1 ulp: fdlibm's method (e_log.c, Sun Microsystems 1993),
    /// whose reduction and coefficients these are; the final sum always takes the more accurate
    /// of e_log.c's two forms, the one s_log1p.c uses.
    ///
    /// x = 2^k (1 + f) with 1 + f in [√½, √2), read from the bit pattern; ln(1 + f) from a
    /// Remez polynomial in s = f / (2 + f). ln 0 is −∞, ln x of a negative x or NaN is NaN, ln ∞
    /// is ∞.
    @inlinable
    public static func log(_ x: Double) -> Double {
        guard x > 0, x < .infinity else { return x == 0 ? -.infinity : x == .infinity ? x : .nan }
        // A subnormal x is scaled into the normal range first.
        let (bits, offset) = x < 0x1p-1022 ? ((x * 0x1p54).bitPattern, -54) : (x.bitPattern, 0)
        let (f, k) = Log.reduce(bits)
        return Log.logOnePlus(f, k: k + offset, correction: 0)
    }

    /// ln(1 + x) in double precision, within 1 ulp, also for x near 0 where 1 + x would round:
    /// fdlibm's method (s_log1p.c, Sun Microsystems 1993), with ``log(_:)-(Double)``'s polynomial.
    ///
    /// For 1 + x in [√½, √2) the polynomial takes f = x itself; otherwise u = 1 + x rounded is
    /// reduced as in ``log(_:)-(Double)`` and the rounding error c = (1 + x) − u added back as
    /// c / u. ln(1 ± 0) is ±0, ln(1 + (−1)) is −∞, x < −1 or NaN gives NaN, ∞ gives ∞.
    @inlinable
    public static func log1p(_ x: Double) -> Double {
        guard x > -1, x < .infinity else { return x == -1 ? -.infinity : x == .infinity ? x : .nan }
        // ln(1 + x) = x − x²/2 to double precision for |x| < 2^−29 (the next term is below
        // 2^−58 x); this also keeps the sign of a zero.
        if x.magnitude < 0x1p-29 { return x - x * x * 0.5 }
        if x > Log.sqrtHalfMinusOne, x < Log.sqrtTwoMinusOne { return Log.logOnePlus(x, k: 0, correction: 0) }
        // Beyond 2^53, 1 + x is x and ln(1 + x) rounds to ln x.
        guard x < 0x1p53 else { return log(x) }
        let u = 1 + x
        // Exact: u − x for u ≥ 2 (then x ≥ 1), u − 1 below.
        let error = u >= 2 ? 1 - (u - x) : x - (u - 1)
        let (f, k) = Log.reduce(u.bitPattern)
        return Log.logOnePlus(f, k: k, correction: error / u)
    }

    /// ln x in single precision: the double-precision ``log(_:)-(Double)`` of x, rounded once to
    /// a Float, so within 0.5 ulp + 2^−29 ulp (the correctly rounded value unless ln x is within
    /// 2^−29 ulp of a halfway point). ln 0 is −∞, a negative x or NaN gives NaN.
    @inlinable
    public static func log(_ x: Float) -> Float {
        Float(log(Double(x)))
    }

    /// The reduction and polynomial shared by ``log(_:)-(Double)`` and ``log1p(_:)``, from
    /// fdlibm's e_log.c and s_log1p.c (bit patterns as given there).
    @usableFromInline
    enum Log {
        /// √½ − 1 and √2 − 1: log1p's argument is itself f between them.
        @inlinable static var sqrtHalfMinusOne: Double { -0.292_893_218_813_452_475_599_155_637_895_150_96 }
        @inlinable static var sqrtTwoMinusOne: Double { 0.414_213_562_373_095_048_801_688_724_209_698_08 }

        /// (f, k) with 2^k (1 + f) the positive normal double of bit pattern `bits` and 1 + f in
        /// [√½, √2) (f exact).
        @inlinable
        static func reduce(_ bits: UInt64) -> (f: Double, k: Int) {
            let fraction = bits & 0x000F_FFFF_FFFF_FFFF
            // Carries into bit 52 exactly when 1.fraction ≥ 1 + 0x6A09C / 2^20 (√2 to 2^−20):
            // then the significand is halved and k raised by one.
            let halve = (fraction &+ 0x0009_5F64_0000_0000) & 0x0010_0000_0000_0000
            let significand = Double(bitPattern: fraction | (halve ^ 0x3FF0_0000_0000_0000))
            return (significand - 1, Int(bits >> 52) - 1023 + Int(halve >> 52))
        }

        /// k ln 2 + ln(1 + f) + c for 1 + f in [√½, √2) and a small correction c.
        ///
        /// With s = f / (2 + f), ln(1 + f) = ln(1 + s) − ln(1 − s) = 2s + s R(s²), R a degree-7
        /// Remez polynomial in s² (error below 2^−58.45 on [0, 0.1716]); 2s = f − f²/2 + s f²/2
        /// keeps the sum's error below 1 ulp, and ln 2 is split as in ``DoubleExp``.
        @inlinable
        static func logOnePlus(_ f: Double, k: Int, correction c: Double) -> Double {
            let lg1 = 6.666_666_666_666_735_130e-01  // 0x3FE55555_55555593
            let lg2 = 3.999_999_999_940_941_908e-01  // 0x3FD99999_9997FA04
            let lg3 = 2.857_142_874_366_239_149e-01  // 0x3FD24924_94229359
            let lg4 = 2.222_219_843_214_978_396e-01  // 0x3FCC71C5_1D8E78AF
            let lg5 = 1.818_357_216_161_805_012e-01  // 0x3FC74664_96CB03DE
            let lg6 = 1.531_383_769_920_937_332e-01  // 0x3FC39A09_D078C69F
            let lg7 = 1.479_819_860_511_658_591e-01  // 0x3FC2F112_DF3E5244
            let s = f / (2 + f)
            let z = s * s
            let r = z * (lg1 + z * (lg2 + z * (lg3 + z * (lg4 + z * (lg5 + z * (lg6 + z * lg7))))))
            let halfSquare = 0.5 * f * f
            let scale = Double(k)
            return scale * DoubleExp.ln2High
                - ((halfSquare - (s * (halfSquare + r) + (scale * DoubleExp.ln2Low + c))) - f)
        }
    }
}
