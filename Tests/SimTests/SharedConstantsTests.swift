import CVector
import Testing

@testable import Agents
@testable import Sim

/// CVector's shared constants (Constants.h) against the Swift definitions they repeat: a kernel
/// built with a different value would compute something else than the portable code.
@Suite struct SharedConstantsTests {
    @Test("the vector kernels read the signal word's bits where Sim puts them")
    func signalWord() {
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
    func tieKinds() {
        #expect(UInt8(CVECTOR_KIND_FAMILY) == TieKind.family.rawValue)
        #expect(UInt8(CVECTOR_KIND_SOCIAL) == TieKind.social.rawValue)
        #expect(UInt8(CVECTOR_KIND_DISTANT) == TieKind.distant.rawValue)
    }

    @Test("the behaviour limit is the signal word's behaviour bits, which the kernels count in groups of four")
    func behaviourLimit() {
        #expect(Int(CVECTOR_BEHAVIOUR_LIMIT) == Behaviour.maximumCount)
        #expect(SignalWord.behaviourBits == (1 << UInt32(CVECTOR_BEHAVIOUR_LIMIT)) - 1)
        #expect(Int(CVECTOR_BEHAVIOUR_GROUPS) * 4 >= Behaviour.maximumCount)
        #expect(Int(CVECTOR_BEHAVIOUR_GROUPS) <= Int(CVECTOR_CONDUCT_GROUP_LIMIT))
        #expect(ChunkTally().acts.scalarCount >= Behaviour.maximumCount)
    }

    @Test("the vector Philox kernels use the portable generator's multipliers and key increments")
    func philox() {
        #expect(CVECTOR_PHILOX_M0 == Philox4x32.multiplier0)
        #expect(CVECTOR_PHILOX_M1 == Philox4x32.multiplier1)
        #expect(CVECTOR_PHILOX_W0 == Philox4x32.weyl0)
        #expect(CVECTOR_PHILOX_W1 == Philox4x32.weyl1)
    }

    @Test("the vector choice kernels use PortableMath.exp's constants, bit for bit")
    func exponential() {
        let exp = PortableMath.Exp.self
        #expect(CVECTOR_EXP_LOWEST.bitPattern == exp.lowest.bitPattern)
        #expect(CVECTOR_EXP_HIGHEST.bitPattern == exp.highest.bitPattern)
        #expect(CVECTOR_EXP_MAGIC.bitPattern == exp.magic.bitPattern)
        #expect(CVECTOR_EXP_LOG2E.bitPattern == exp.log2e.bitPattern)
        #expect(CVECTOR_EXP_LN2_HIGH.bitPattern == exp.ln2High.bitPattern)
        #expect(CVECTOR_EXP_LN2_LOW.bitPattern == exp.ln2Low.bitPattern)
        let c = exp.coefficients
        let swift = [c.0, c.1, c.2, c.3, c.4, c.5, c.6].map(\.bitPattern)
        let vector = [
            CVECTOR_EXP_C0, CVECTOR_EXP_C1, CVECTOR_EXP_C2, CVECTOR_EXP_C3, CVECTOR_EXP_C4, CVECTOR_EXP_C5,
            CVECTOR_EXP_C6,
        ].map(\.bitPattern)
        #expect(swift == vector)
    }
}
