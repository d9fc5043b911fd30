import Agents
import Testing

@Suite("Dissent rule")
struct DissentRuleTests {
    @Test("grievance is hardship times illegitimacy")
    func grievance() {
        #expect(DissentRule.grievance(hardship: 0.5, legitimacy: 0.2) == 0.4)
        #expect(DissentRule.grievance(hardship: 0.9, legitimacy: 1) == 0)
    }

    @Test("no coverage means no detection, whatever the crowd")
    func noCoverage() {
        for dissenting in [0, 1, 50] {
            #expect(DissentRule.detectionProbability(coverage: 0, k: 3, dissentingTies: dissenting) == 0)
        }
    }

    @Test("detection falls with the number of dissenting ties (safety in numbers)")
    func safetyInNumbers() {
        let probabilities = (0..<20).map {
            DissentRule.detectionProbability(coverage: 0.8, k: 2.3, dissentingTies: $0)
        }
        #expect(zip(probabilities, probabilities.dropFirst()).allSatisfy { $0 > $1 })
        #expect(abs(probabilities[0] - (1 - Float.exp(-1.84))) < 1e-6)
    }

    @Test("detection rises with coverage")
    func coverageRaisesDetection() {
        let coverages: [Float] = [0, 0.1, 0.4, 0.9, 1]
        let probabilities = coverages.map { DissentRule.detectionProbability(coverage: $0, k: 2, dissentingTies: 3) }
        #expect(zip(probabilities, probabilities.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("deterrence raises the threshold by R·P·stake·severity")
    func deterrenceTerm() {
        let threshold = DissentRule.threshold(
            privateThreshold: 0.25, riskAversion: 0.5, detection: 0.5, stake: 1, severity: 2)
        #expect(threshold == 0.75)
        let nothingToLose = DissentRule.threshold(
            privateThreshold: 0.25, riskAversion: 0.5, detection: 0.5, stake: 0, severity: 2)
        #expect(nothingToLose == 0.25)
    }

    @Test("a citizen with no active ties sees a share of 0")
    func isolatedShare() {
        #expect(DissentRule.dissentingShare(dissenting: 0, active: 0) == 0)
        #expect(DissentRule.dissentingShare(dissenting: 3, active: 4) == 0.75)
        #expect(DissentRule.expresses(share: 0, threshold: 0))
        #expect(!DissentRule.expresses(share: 0.5, threshold: 0.51))
    }
}
