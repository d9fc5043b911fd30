import Agents
import Foundation
import Testing

@Suite("Portable math")
struct PortableMathTests {
    @Test("exp matches the C library to 5e-7 relative over [-87, 88]")
    func expAccuracy() {
        var worst: Double = 0
        var x: Float = -87
        while x < 88 {
            let exact = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(PortableMath.exp(x)) - exact) / exact)
            x += 0.000_731
        }
        #expect(worst < 5e-7)
    }

    @Test("exp clamps outside its range instead of overflowing")
    func expClamps() {
        #expect(PortableMath.exp(1000).isFinite && PortableMath.exp(1000) > 1e38)
        #expect(PortableMath.exp(-1000) > 0 && PortableMath.exp(-1000) < 1e-37)
    }

    @Test("logistic is 1/2 at 0, symmetric and within [0, 1]")
    func logistic() {
        #expect(PortableMath.logistic(0) == 0.5)
        for x: Float in [-20, -5, -2, -1, -0.5, 0.1, 0.5, 1, 2, 5, 20] {
            let p = PortableMath.logistic(x)
            #expect(p >= 0 && p <= 1)
            #expect(abs(p + PortableMath.logistic(-x) - 1) < 1e-6)
        }
    }
}
