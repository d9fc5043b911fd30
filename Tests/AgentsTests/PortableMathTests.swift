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
