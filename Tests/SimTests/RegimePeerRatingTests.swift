import Agents
import Testing

@testable import Sim

/// Peer rating ("Nosedive"): the pure rule and the ratings a run gives.
@Suite("Regime: peer rating")
struct RegimePeerRatingTests {
    @Test("the rating rule: honest when the rater has nothing to lose, clamped to 1...5")
    func ratingRule() {
        #expect(PeerRatingRule.honest(virtues: 0, infractions: 0) == 4)
        #expect(PeerRatingRule.honest(virtues: 3, infractions: 0) == 5)
        #expect(PeerRatingRule.honest(virtues: 0, infractions: 7) == 1)
        #expect(PeerRatingRule.honest(virtues: 1, infractions: 2) == 3)
        for honest in 1...5 {
            for stigmatized in [false, true] {
                let rating = PeerRatingRule.rating(
                    honest: Float(honest), raterStake: 0, rateeScoreFraction: 0.9, rateeStigmatized: stigmatized,
                    inflation: 2, fakeNice: 1, stigma: 2)
                #expect(rating == honest, "stake 0 rates honestly")
            }
        }
        let flattering = PeerRatingRule.rating(
            honest: 5, raterStake: 1, rateeScoreFraction: 1, rateeStigmatized: false, inflation: 2, fakeNice: 1,
            stigma: 2)
        #expect(flattering == 5)
        let damning = PeerRatingRule.rating(
            honest: 1, raterStake: 1, rateeScoreFraction: 0, rateeStigmatized: true, inflation: 2, fakeNice: 0,
            stigma: 2)
        #expect(damning == 1)
        // 4 + 0.5 · (2 · (0.75 − 0.5) + 1 − 2) = 3.75 → 4; without stigma 4 + 0.5 · 1.5 = 4.75 → 5.
        #expect(
            PeerRatingRule.rating(
                honest: 4, raterStake: 0.5, rateeScoreFraction: 0.75, rateeStigmatized: true, inflation: 2, fakeNice: 1,
                stigma: 2) == 4)
        #expect(
            PeerRatingRule.rating(
                honest: 4, raterStake: 0.5, rateeScoreFraction: 0.75, rateeStigmatized: false, inflation: 2,
                fakeNice: 1,
                stigma: 2) == 5)
        #expect(PeerRatingRule.weight(raterScoreFraction: 0.5, raterWeight: 2) == 2)
    }

    static func rated(_ configure: (inout Scenario) -> Void) throws -> [TickMetrics] {
        var scenario = RegimeFixtures.society(name: "nosedive", size: 2_000, ticks: 8)
        scenario.regime.peerRating.enabled = true
        configure(&scenario)
        let rows = try RegimeFixtures.run(scenario)
        for row in rows {
            #expect(row[.meanRating] >= 1 && row[.meanRating] <= 5, "tick \(row.tick)")
            #expect(row[.fiveStarShare] >= 0 && row[.fiveStarShare] <= 1, "tick \(row.tick)")
        }
        return rows
    }

    @Test("strategic ratings at the defaults: a high-score population rates nearly everyone 5 stars")
    func strategicRatingsInflate() throws {
        let rows = try Self.rated { _ in }
        #expect(rows[0][.meanRating] == 5 && rows[0][.fiveStarShare] == 1, "4 + 1 · (2 · ½ + 1) rounds above 5")
        #expect(rows.allSatisfy { $0[.fiveStarShare] > 0.5 })
        #expect(rows.last![.scoreMean] > 990, "ratings of 5 keep scores at the top")
    }

    @Test("with no inflation, fake niceness or stigma, ratings are the honest ones")
    func honestRatings() throws {
        let rows = try Self.rated {
            $0.regime.peerRating.inflation = 0
            $0.regime.peerRating.fakeNice = 0
            $0.regime.peerRating.stigma = 0
        }
        #expect(rows[0][.meanRating] == 4 && rows[0][.fiveStarShare] == 0, "nobody acted before tick 1")
        #expect(rows.allSatisfy { $0[.meanRating] <= 4.4 && $0[.fiveStarShare] < 0.5 })
        #expect(rows.contains { $0[.fiveStarShare] > 0 }, "virtuous acts earn honest 5s")
        #expect(rows.last![.scoreMean] < 950, "honest 4s pull scores toward 750")
    }

    @Test("ratings clamp to 1 and 5 under extreme strategic terms")
    func ratingsClamp() throws {
        let shunned = try Self.rated {
            $0.regime.score.initial = 900
            $0.regime.sanctions = [Sanction(name: "everyone", trigger: .scoreBelow(950), duration: nil)]
            $0.regime.peerRating.stigma = 100
        }
        #expect(shunned.dropFirst().allSatisfy { $0[.meanRating] == 1 && $0[.fiveStarShare] == 0 })
        let adored = try Self.rated { $0.regime.peerRating.fakeNice = 100 }
        #expect(adored.allSatisfy { $0[.meanRating] == 5 && $0[.fiveStarShare] == 1 })
    }

    /// Every mechanism on (detention, listings, stigma, cut and new ties), so raters are absent,
    /// listed and stigmatized; whole and fractional ratings per tick up to 3 (the vector kernels'
    /// limit); populations that end in a partial vector of 8 and of 16 citizens.
    @Test(
        "the vector kernels rate as the portable code: identical metrics and ties at every level",
        arguments: [3, 2.5, 0.4], [1_001, 2_999])
    func vectorLevelsRateAlike(ratingsPerTick: Double, size: Int) throws {
        var scenario = RegimeDeterminismTests.everything(size: size, ticks: 5)
        scenario.regime.peerRating.ratingsPerTick = ratingsPerTick
        let world = try World.build(scenario, threads: 2)
        let (portable, portableTargets) = RegimeDeterminismTests.run(
            scenario, on: world, threads: 2, vectorLevel: .scalar)
        #expect(portable.contains { $0[.meanRating] > 1 && $0[.meanRating] < 5 }, "ratings vary")
        #expect(portable.contains { $0[.fiveStarShare] > 0 && $0[.fiveStarShare] < 1 }, "some, not all, five stars")
        for level in VectorLevel.allCases where level > .scalar && level <= .best {
            let (rows, targets) = RegimeDeterminismTests.run(scenario, on: world, threads: 2, vectorLevel: level)
            #expect(rows.map { $0[.meanRating] } == portable.map { $0[.meanRating] }, "\(level)")
            #expect(rows.map { $0[.fiveStarShare] } == portable.map { $0[.fiveStarShare] }, "\(level)")
            #expect(rows == portable, "\(level)")
            #expect(targets == portableTargets, "\(level)")
        }
    }
}
