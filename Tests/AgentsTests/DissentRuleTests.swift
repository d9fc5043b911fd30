import Agents
import Foundation
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
        #expect(abs(probabilities[0] - 0.8 * (1 - Float(Foundation.exp(-2.3)))) < 1e-6)
    }

    @Test("detection rises with coverage")
    func coverageRaisesDetection() {
        let coverages: [Float] = [0, 0.1, 0.4, 0.9, 1]
        let probabilities = coverages.map { DissentRule.detectionProbability(coverage: $0, k: 2, dissentingTies: 3) }
        #expect(zip(probabilities, probabilities.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("coverage and the deterrence constant are separately identifiable")
    func coverageAndKDiffer() {
        // Equal products k · coverage used to give equal probabilities.
        let wideCoverage = DissentRule.detectionProbability(coverage: 0.9, k: 1, dissentingTies: 0)
        let strongK = DissentRule.detectionProbability(coverage: 0.45, k: 2, dissentingTies: 0)
        #expect(abs(wideCoverage - strongK) > 0.05)
    }

    @Test("policed detection is Epstein's, with the floor of watchers per dissenter in view")
    func policedDetection() {
        #expect(DissentRule.policedDetectionProbability(k: 2.3, watchers: 0, dissentersInView: 1) == 0)
        #expect(DissentRule.policedDetectionProbability(k: 2.3, watchers: 5, dissentersInView: 6) == 0)
        let one = DissentRule.policedDetectionProbability(k: 2.3, watchers: 5, dissentersInView: 3)
        #expect(abs(one - (1 - Float(Foundation.exp(-2.3)))) < 1e-6)
        let two = DissentRule.policedDetectionProbability(k: 2.3, watchers: 5, dissentersInView: 2)
        #expect(two > one)
    }

    @Test("the deterrence term is R·P·severity·cost, and cost adds points at stake and detention")
    func deterrenceTerm() {
        let cost = DissentRule.recordCost(pointsAtRisk: 2, listFactor: 0.5, detentionCost: 1)
        #expect(cost == 2)
        let threshold = DissentRule.threshold(
            privateThreshold: 0.25, riskAversion: 0.5, detection: 0.5, severity: 2, cost: 1)
        #expect(threshold == 0.75)
        let nothingToLose = DissentRule.threshold(
            privateThreshold: 0.25, riskAversion: 0.5, detection: 0.5, severity: 2, cost: 0)
        #expect(nothingToLose == 0.25)
    }

    @Test("private opposition: grievance at least the threshold, whatever one sees")
    func opposition() {
        #expect(DissentRule.opposes(grievance: 0.4, threshold: 0.4))
        #expect(!DissentRule.opposes(grievance: 0.39, threshold: 0.4))
        let grievance = DissentRule.grievance(hardship: 0.8, legitimacy: 0.5)
        let privateThreshold = DissentRule.privateThreshold(threshold: 0.3, grievance: grievance)
        #expect(DissentRule.opposes(grievance: grievance, threshold: 0.3))
        #expect(DissentRule.expresses(share: 0, threshold: privateThreshold))
    }

    @Test("a citizen with no active ties sees a share of 0")
    func isolatedShare() {
        #expect(DissentRule.dissentingShare(dissenting: 0, active: 0) == 0)
        #expect(DissentRule.dissentingShare(dissenting: 3, active: 4) == 0.75)
        #expect(DissentRule.expresses(share: 0, threshold: 0))
        #expect(!DissentRule.expresses(share: 0.5, threshold: 0.51))
    }
}
