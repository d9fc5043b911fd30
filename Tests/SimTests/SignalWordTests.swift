import CVector
import Testing

@testable import Sim

@Suite struct SignalWordTests {
    @Test("the vector kernels read the signal word's bits where Sim puts them")
    func vectorKernelsAgree() {
        #expect(UInt32(CVECTOR_EXPRESSED_DISSENT) == SignalWord.expressedDissent)
        #expect(UInt32(CVECTOR_PRESENT) == SignalWord.present)
        #expect(UInt32(CVECTOR_LISTED) == SignalWord.listed)
        #expect(UInt32(CVECTOR_TRAVEL_BANNED) == SignalWord.travelBanned)
        #expect(UInt32(CVECTOR_STIGMATIZED) == SignalWord.stigmatized)
        #expect(UInt32(CVECTOR_SCHOOL_RESTRICTED) == SignalWord.schoolRestricted)
        #expect(UInt32(CVECTOR_BEHAVIOUR_SHIFT) == SignalWord.behaviourShift)
        #expect(UInt32(CVECTOR_SCORE_SHIFT) == SignalWord.scoreShift)
        #expect(UInt32(CVECTOR_SCORE_FRACTION_MAX) == SignalWord.scoreFractionMax)
    }

    @Test("the vector kernels read tie kinds as Sim numbers them")
    func tieKindsAgree() {
        #expect(UInt8(CVECTOR_KIND_FAMILY) == TieKind.family.rawValue)
        #expect(UInt8(CVECTOR_KIND_DISTANT) == TieKind.distant.rawValue)
    }
}
