/// Strategic peer ratings, "Nosedive" style.
///
/// A rater gives a ratee
///
///     r = clamp(round(honest + stake_rater · (inflation · (q_ratee − ½) + fakeNice − stigma · [stigmatized])), 1, 5),
///     honest = clamp(4 + virtues − infractions, 1, 5),
///
/// where q is a score fraction in [0, 1] and virtues / infractions count the ratee's acts of the
/// last tick. Strategic terms scale with the rater's stake, so a rater with nothing left to lose
/// rates honestly. A rater's weight is 1 + raterWeight · q_rater.
public enum PeerRatingRule {
    /// The honest rating of a ratee who did `virtues` virtuous and `infractions` infringing acts.
    @inlinable
    public static func honest(virtues: Int, infractions: Int) -> Float {
        Float(min(5, max(1, 4 + virtues - infractions)))
    }

    /// The rating 1...5 a rater with `raterStake` gives.
    @inlinable @inline(__always)
    public static func rating(
        honest: Float, raterStake: Float, rateeScoreFraction: Float, rateeStigmatized: Bool, inflation: Float,
        fakeNice: Float, stigma: Float
    ) -> Int {
        let strategic = inflation * (rateeScoreFraction - 0.5) + fakeNice - (rateeStigmatized ? stigma : 0)
        return Int(PortableMath.nearestInteger(min(5, max(1, honest + raterStake * strategic))))
    }

    /// A rater's weight: 1 + `raterWeight` · its score fraction.
    @inlinable
    public static func weight(raterScoreFraction: Float, raterWeight: Float) -> Float {
        1 + raterWeight * raterScoreFraction
    }
}
