extension PortableMath {
    /// e^x in double precision, within 1 ulp: fdlibm's method (e_exp.c, Sun Microsystems 1993),
    /// whose reduction and coefficients these are.
    ///
    /// x = k ln 2 + r with |r| ≤ ln(2)/2, r carried as high − low (Cody and Waite: ln 2 in two
    /// parts), e^r from a degree-5 Remez polynomial in r², scaled by 2^k through the exponent bits.
    /// Overflows to +∞ above 709.78 and underflows to 0 below −745.13; below −708.4 the results
    /// are subnormal, rounded once. e^+∞ is +∞, e^−∞ is 0, NaN gives NaN.
    @inlinable
    public static func exp(_ x: Double) -> Double {
        guard x.isFinite else { return x.isNaN ? x : x > 0 ? x : 0 }
        if x > DoubleExp.overflow { return .infinity }
        if x < DoubleExp.underflow { return 0 }
        let magnitude = x.magnitude
        // e^x − (1 + x) < 2^−57 when |x| < 2^−28, so 1 + x is within 1 ulp.
        if magnitude < 0x1p-28 { return 1 + x }
        // x = k ln 2 + (high − low).
        var k = 0
        var high = x
        var low = 0.0
        if magnitude > DoubleExp.halfLn2 {
            if magnitude < DoubleExp.threeHalvesLn2 {
                k = x > 0 ? 1 : -1
            } else {
                // Truncating k · (1/ln 2) + 1/2 (− 1/2 below zero) rounds to the nearest integer.
                k = Int(DoubleExp.log2e * x + (x > 0 ? 0.5 : -0.5))
            }
            let scale = Double(k)
            // Exact: k · ln2High fits in 53 bits, and x is within a factor 2 of it.
            high = x - scale * DoubleExp.ln2High
            low = scale * DoubleExp.ln2Low
        }
        let r = high - low
        let c = DoubleExp.remainderPolynomial(r)
        if k == 0 { return 1 - ((r * c) / (c - 2) - r) }
        let y = 1 - ((low - (r * c) / (2 - c)) - high)
        // y is in [1/2, 2); adding k to its exponent field scales it by 2^k. Results below the
        // smallest normal take two steps, so that the rounding to a subnormal happens once.
        if k >= -1021 { return Double(bitPattern: y.bitPattern &+ (UInt64(bitPattern: Int64(k)) &<< 52)) }
        let scaled = Double(bitPattern: y.bitPattern &+ (UInt64(bitPattern: Int64(k + 1000)) &<< 52))
        return scaled * 0x1p-1000
    }

    /// The constants of ``exp(_:)-(Double)``, from fdlibm's e_exp.c (bit patterns as given there).
    @usableFromInline
    enum DoubleExp {
        /// e^x overflows above this (0x40862E42_FEFA39EF) and underflows to 0 below the next
        /// (0xC0874910_D52D3051).
        @inlinable static var overflow: Double { 709.782_712_893_383_973_096 }
        @inlinable static var underflow: Double { -745.133_219_101_941_108_420 }
        /// k is 0 for |x| ≤ ln(2)/2, and ±1 for |x| < 3 ln(2)/2.
        @inlinable static var halfLn2: Double { 0.346_573_590_279_972_654_708_616 }
        @inlinable static var threeHalvesLn2: Double { 1.039_720_770_839_917_964_125_848 }
        /// 1 / ln 2 (0x3FF71547_652B82FE).
        @inlinable static var log2e: Double { 1.442_695_040_888_963_387_00 }
        /// ln 2 = ln2High + ln2Low; ln2High (0x3FE62E42_FEE00000) has its 21 low bits zero, so k ·
        /// ln2High is exact for |k| < 2^21.
        @inlinable static var ln2High: Double { 6.931_471_803_691_238_164_90e-01 }
        @inlinable static var ln2Low: Double { 1.908_214_929_270_587_700_02e-10 }

        /// c = r − r² (P1 + P2 r² + … + P5 r⁸), so that e^r = 1 + r + r c / (2 − c), with the
        /// Remez coefficients P1 … P5 of e_exp.c (error of the fit below 2^−59 on [0, ln(2)/2]).
        @inlinable
        static func remainderPolynomial(_ r: Double) -> Double {
            let t = r * r
            let p5 = 4.138_136_797_057_238_460_39e-08  // 0x3E663769_72BEA4D0
            let p4 = -1.653_390_220_546_525_153_90e-06  // 0xBEBBBD41_C5D26BF1
            let p3 = 6.613_756_321_437_934_361_17e-05  // 0x3F11566A_AF25DE2C
            let p2 = -2.777_777_777_701_559_338_42e-03  // 0xBF66C16C_16BEBD93
            let p1 = 1.666_666_666_666_660_190_37e-01  // 0x3FC55555_5555553E
            return r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))))
        }
    }
}
