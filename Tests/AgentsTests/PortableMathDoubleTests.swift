import Agents
import Foundation
import Testing

/// The double-precision exponential and logarithms: their bits at chosen arguments, their distance
/// from the C library's (itself within 1 ulp of the exact value) over dense sweeps, and their
/// special cases.
@Suite("Portable math in double precision")
struct PortableMathDoubleTests {
    @Test("exp is within 1 ulp of the C library's over [-745.2, 709.8] and for small |x|")
    func expUlps() {
        var worst: Int64 = 0
        var x = -745.2
        while x < 709.8 {
            worst = max(worst, UlpDistance.between(PortableMath.exp(x), Foundation.exp(x)))
            x += 0.000_71
        }
        for x in Self.smallMagnitudes {
            worst = max(worst, UlpDistance.between(PortableMath.exp(x), Foundation.exp(x)))
        }
        #expect(worst <= 1)
    }

    @Test("log is within 1 ulp of the C library's over every positive binade and near 1")
    func logUlps() {
        var worst: Int64 = 0
        var bits: UInt64 = 1
        while bits < Double.infinity.bitPattern {
            let x = Double(bitPattern: bits)
            worst = max(worst, UlpDistance.between(PortableMath.log(x), Foundation.log(x)))
            bits += 0x0000_03FF_FFFF_FFF1
        }
        var x = 0.5
        while x < 2 {
            worst = max(worst, UlpDistance.between(PortableMath.log(x), Foundation.log(x)))
            x += 0x1p-20 + 0x1p-40
        }
        #expect(worst <= 1)
    }

    @Test("log1p is within 1 ulp of the C library's over (-1, 1), small |x| and every positive binade")
    func log1pUlps() {
        var worst: Int64 = 0
        var x = -1 + 0x1p-30
        while x < 1 {
            worst = max(worst, UlpDistance.between(PortableMath.log1p(x), Foundation.log1p(x)))
            x += 0x1p-20 + 0x1p-40
        }
        for x in Self.smallMagnitudes {
            worst = max(worst, UlpDistance.between(PortableMath.log1p(x), Foundation.log1p(x)))
        }
        var bits: UInt64 = 1
        while bits < Double.infinity.bitPattern {
            let x = Double(bitPattern: bits)
            worst = max(worst, UlpDistance.between(PortableMath.log1p(x), Foundation.log1p(x)))
            bits += 0x0000_03FF_FFFF_FFF1
        }
        #expect(worst <= 1)
    }

    @Test("exp's results, bit for bit")
    func expPinned() {
        // e^1 is fdlibm's (and Java StrictMath's) 2.7182818284590455, 1 ulp above the double
        // nearest e; the others are correctly rounded (checked with mpmath at 200 bits).
        let pinned: [(Double, UInt64)] = [
            (1, 0x4005_BF0A_8B14_576A), (-0.5, 0x3FE3_68B2_FC6F_960A), (10, 0x40D5_829D_CF95_0560),
            (700, 0x7F0D_945D_F4F8_EC8E), (-740, 0x0000_0000_0000_0055), (0x1p-30, 0x3FF0_0000_0040_0000),
            (0.3, 0x3FF5_9905_8C8C_1A96), (-20, 0x3E21_B486_55F3_7267),
        ]
        for (x, bits) in pinned {
            #expect(PortableMath.exp(x).bitPattern == bits, "x = \(x)")
        }
    }

    @Test("log's and log1p's results, bit for bit (each correctly rounded)")
    func logPinned() {
        let logs: [(Double, UInt64)] = [
            (2, 0x3FE6_2E42_FEFA_39EF), (10, 0x4002_6BB1_BBB5_5516), (0.1, 0xC002_6BB1_BBB5_5515),
            (1e-300, 0xC085_9634_47F8_7FB5), (.leastNonzeroMagnitude, 0xC087_4385_446D_71C3),
            (1.5, 0x3FD9_F323_ECBF_984C), (1e300, 0x4085_9634_47F8_7FB5), (0.75, 0xBFD2_6962_1134_DB92),
        ]
        for (x, bits) in logs {
            #expect(PortableMath.log(x).bitPattern == bits, "x = \(x)")
        }
        let log1ps: [(Double, UInt64)] = [
            (-0.5, 0xBFE6_2E42_FEFA_39EF), (1e-10, 0x3DDB_7CDF_D9D1_D693), (0.25, 0x3FCC_8FF7_C79A_9A22),
            (3, 0x3FF6_2E42_FEFA_39EF), (-0.9, 0xC002_6BB1_BBB5_5516), (1e20, 0x4047_069E_2AA2_AA5B),
            (0.5, 0x3FD9_F323_ECBF_984C), (-0.25, 0xBFD2_6962_1134_DB92),
        ]
        for (x, bits) in log1ps {
            #expect(PortableMath.log1p(x).bitPattern == bits, "x = \(x)")
        }
    }

    @Test("exp of 0, infinities and NaN; overflow to infinity and gradual underflow to 0")
    func expSpecialCases() {
        #expect(PortableMath.exp(0.0) == 1 && PortableMath.exp(-0.0) == 1)
        #expect(PortableMath.exp(Double.infinity) == .infinity)
        #expect(PortableMath.exp(-Double.infinity).bitPattern == 0)
        #expect(PortableMath.exp(Double.nan).isNaN)
        #expect(PortableMath.exp(709.78).isFinite && PortableMath.exp(709.79) == .infinity)
        #expect(PortableMath.exp(710.0) == .infinity)
        #expect(PortableMath.exp(-708.0).isNormal && PortableMath.exp(-720.0).isSubnormal)
        #expect(PortableMath.exp(-745.0) == .leastNonzeroMagnitude)
        #expect(PortableMath.exp(-746.0).bitPattern == 0)
    }

    @Test("log of 0, 1, negatives, infinity, NaN and subnormals")
    func logSpecialCases() {
        #expect(PortableMath.log(0.0) == -.infinity && PortableMath.log(-0.0) == -.infinity)
        #expect(PortableMath.log(1.0).bitPattern == 0)
        #expect(PortableMath.log(-1.0).isNaN && PortableMath.log(-Double.infinity).isNaN)
        #expect(PortableMath.log(-Double.leastNonzeroMagnitude).isNaN)
        #expect(PortableMath.log(Double.nan).isNaN)
        #expect(PortableMath.log(Double.infinity) == .infinity)
        #expect(PortableMath.log(Double.greatestFiniteMagnitude) == Foundation.log(Double.greatestFiniteMagnitude))
    }

    @Test("log1p of -1, below -1, 0, tiny, huge, infinity and NaN")
    func log1pSpecialCases() {
        #expect(PortableMath.log1p(-1.0) == -.infinity)
        #expect(PortableMath.log1p(-1.5).isNaN && PortableMath.log1p(-Double.infinity).isNaN)
        #expect(PortableMath.log1p(-1 - 0x1p-52).isNaN)
        #expect(PortableMath.log1p(Double.nan).isNaN)
        #expect(PortableMath.log1p(Double.infinity) == .infinity)
        #expect(PortableMath.log1p(0.0).bitPattern == 0)
        #expect(PortableMath.log1p(-0.0).bitPattern == (-0.0).bitPattern)
        for x in [1e-300, -1e-300, Double.leastNonzeroMagnitude, 0x1p-60] {
            #expect(PortableMath.log1p(x) == x, "x = \(x)")
        }
        #expect(PortableMath.log1p(0x1p60) == PortableMath.log(0x1p60))
        #expect(PortableMath.log1p(0x1p52) == PortableMath.log(0x1p52 + 1))
        #expect(PortableMath.log1p(-1 + 0x1p-53) == PortableMath.log(0x1p-53))
    }

    /// ±2^e (1 + j/64) for e in −60...−1: where e^x and ln(1 + x) are close to 1 and to x.
    static let smallMagnitudes: [Double] = (-60 ... -1).flatMap { e in
        (0..<64).flatMap { j in
            let x = Double(sign: .plus, exponent: e, significand: 1 + Double(j) / 64)
            return [x, -x]
        }
    }
}
