import Agents
import Foundation
import Testing

@Suite("Portable math")
struct PortableMathTests {
    @Test("exp matches the C library to 5e-7 relative over [-87, 88], in every lane")
    func expAccuracy() {
        var worst: Double = 0
        var x: Float = -87
        while x + 0.000_6 < 88 {
            let lanes = SIMD4<Float>(x, x + 0.000_2, x + 0.000_4, x + 0.000_6)
            let values = PortableMath.exp(lanes)
            for lane in 0..<4 {
                let exact = Foundation.exp(Double(lanes[lane]))
                worst = max(worst, abs(Double(values[lane]) - exact) / exact)
            }
            x += 0.000_731
        }
        #expect(worst < 5e-7)
    }

    @Test("the scalar exp gives each lane's bits, over [-90, 90] and at the clamps")
    func scalarExpIsALane() {
        var x: Float = -90
        while x < 90 {
            #expect(PortableMath.exp(x).bitPattern == PortableMath.exp(SIMD4(repeating: x))[3].bitPattern, "x = \(x)")
            x += 0.001_37
        }
        for x: Float in [.infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0, -0] {
            #expect(PortableMath.exp(x).bitPattern == PortableMath.exp(SIMD4(repeating: x))[0].bitPattern, "x = \(x)")
        }
    }

    @Test("the scalar exp is within 3 ulp of the correctly rounded e^x over [-87, 88]")
    func scalarExpUlps() {
        var worst: Int64 = 0
        var x: Float = -87
        while x <= 88 {
            let rounded = Float(Foundation.exp(Double(x)))
            worst = max(worst, UlpDistance.between(PortableMath.exp(x), rounded))
            x += 0.000_317
        }
        #expect(worst <= 3)
    }

    @Test("the scalar exp's results, bit for bit")
    func scalarExpPinned() {
        // 1 ulp below the correctly rounded e^80 (0x792ABBCE); the others are correctly rounded.
        let pinned: [(Float, UInt32)] = [
            (1, 0x402D_F854), (-2.5, 0x3DA8_1C2E), (10, 0x46AC_14EE), (80, 0x792A_BBCD), (0.1, 0x3F8D_763E),
            (-50, 0x1B69_2BEB), (-0.75, 0x3EF1_DA07),
        ]
        for (x, bits) in pinned {
            #expect(PortableMath.exp(x).bitPattern == bits, "x = \(x)")
        }
    }

    @Test("the scalar exp clamps to [-87, 88] and keeps NaN")
    func scalarExpClamps() {
        #expect(PortableMath.exp(Float(100)) == PortableMath.exp(Float(88)))
        #expect(PortableMath.exp(Float.infinity) == PortableMath.exp(Float(88)))
        #expect(PortableMath.exp(Float(88)).isFinite && PortableMath.exp(Float(88)) > 1.6e38)
        #expect(PortableMath.exp(Float(-100)) == PortableMath.exp(Float(-87)))
        #expect(PortableMath.exp(-Float.infinity) == PortableMath.exp(Float(-87)))
        #expect(PortableMath.exp(Float(-87)) > 1.6e-38 && PortableMath.exp(Float(-87)) < 1.7e-38)
        #expect(PortableMath.exp(Float.nan).isNaN)
        #expect(PortableMath.exp(Float(0)) == 1 && PortableMath.exp(Float(-0.0)) == 1)
    }

    @Test("the single-precision log is within 1 ulp of the C library's, over every 997th positive Float")
    func floatLogUlps() {
        var worst: Int64 = 0
        var bits: UInt32 = 1
        while bits < Float.infinity.bitPattern {
            let x = Float(bitPattern: bits)
            worst = max(worst, UlpDistance.between(PortableMath.log(x), Float(Foundation.log(Double(x)))))
            bits += 997
        }
        #expect(worst <= 1)
    }

    @Test("the single-precision log's results, bit for bit (each correctly rounded)")
    func floatLogPinned() {
        let pinned: [(Float, UInt32)] = [
            (2, 0x3F31_7218), (0.1, 0xC013_5D8E), (1e-6, 0xC15D_0C55), (3.5, 0x3FA0_5A89), (0.9, 0xBDD7_C745),
            (1e30, 0x428A_27B5),
        ]
        for (x, bits) in pinned {
            #expect(PortableMath.log(x).bitPattern == bits, "x = \(x)")
        }
    }

    @Test("the single-precision log of 0, 1, negatives, infinity, NaN and subnormals")
    func floatLogSpecialCases() {
        #expect(PortableMath.log(Float(0)) == -.infinity && PortableMath.log(Float(-0.0)) == -.infinity)
        #expect(PortableMath.log(Float(1)).bitPattern == Float(0).bitPattern)
        #expect(PortableMath.log(Float(-1)).isNaN && PortableMath.log(-Float.infinity).isNaN)
        #expect(PortableMath.log(Float.nan).isNaN)
        #expect(PortableMath.log(Float.infinity) == .infinity)
        #expect(PortableMath.log(Float.leastNonzeroMagnitude) == Float(-149 * 0.693_147_180_559_945_309))
    }

    @Test("a lane's exp does not depend on the other lanes")
    func lanesAreIndependent() {
        let alone = PortableMath.exp(SIMD4(repeating: 1.234_5))[0]
        let mixed = PortableMath.exp(SIMD4(-50, 1.234_5, 80, 0))[1]
        #expect(alone.bitPattern == mixed.bitPattern)
    }

    @Test("exp clamps outside its range instead of overflowing")
    func expClamps() {
        let values = PortableMath.exp(SIMD4(1000, -1000, .greatestFiniteMagnitude, -.greatestFiniteMagnitude))
        #expect(values[0].isFinite && values[0] > 1e38 && values[2] == values[0])
        #expect(values[1] > 0 && values[1] < 1e-37 && values[3] == values[1])
    }

    @Test("logistic is 1/2 at 0, symmetric and within [0, 1]")
    func logistic() {
        #expect(PortableMath.logistic(.zero) == SIMD4(repeating: 0.5))
        for x: Float in [-20, -5, -2, -1, -0.5, 0.1, 0.5, 1, 2, 5, 20] {
            let p = PortableMath.logistic(SIMD4(repeating: x))[0]
            #expect(p >= 0 && p <= 1)
            #expect(abs(p + PortableMath.logistic(SIMD4(repeating: -x))[0] - 1) < 1e-6)
        }
    }

    @Test("nearestInteger rounds halves away from zero, exactly like Int32(x.rounded())")
    func nearestInteger() {
        let special: [Float] = [
            0, -0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.499_999_97, -0.499_999_97, 8_388_607.5, -8_388_607.5,
            8_388_609, 16_777_216, 2_147_483_520, -2_147_483_648,
        ]
        for x in special {
            #expect(PortableMath.nearestInteger(x) == Int32(x.rounded()), "x = \(x)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100_000 {
            let x = Float.random(in: -1e6...1e6, using: &generator) / Float([1, 10, 1000][Int.random(in: 0..<3)])
            #expect(PortableMath.nearestInteger(x) == Int32(x.rounded()), "x = \(x)")
        }
    }
}
