import CVector
import Testing

@testable import Sim

@Suite struct SignalWordTests {
    @Test("the vector kernels read the signal word's bits where Sim puts them")
    func vectorKernelsAgree() {
        #expect(UInt32(CVECTOR_PRESENT) == SignalWord.present)
        #expect(UInt32(CVECTOR_LISTED) == SignalWord.listed)
        #expect(UInt32(CVECTOR_STIGMATIZED) == SignalWord.stigmatized)
        #expect(UInt32(CVECTOR_SCORE_SHIFT) == SignalWord.scoreShift)
        #expect(UInt32(CVECTOR_SCORE_FRACTION_MAX) == SignalWord.scoreFractionMax)
    }
}
