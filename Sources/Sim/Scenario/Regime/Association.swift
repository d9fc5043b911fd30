/// Guilt by association: one's ties' standing moves one's own score. Keys, defaults and ranges:
/// ``ScenarioKeys``.
public struct Association: Sendable, Equatable {
    /// Share per tick in [0, 1] of the gap between one's score and the weighted mean score of
    /// one's active ties that is closed; 0 is off.
    public var pull: Double
    /// Weight of a family tie relative to a social one, in the mean and in the penalty.
    public var familyWeight: Double
    /// Points lost per tick per (weighted) active tie to a listed citizen.
    public var listedTiePenalty: Double

    public init(pull: Double = 0, familyWeight: Double = 2, listedTiePenalty: Double = 0) {
        self.pull = pull
        self.familyWeight = familyWeight
        self.listedTiePenalty = listedTiePenalty
    }

    /// Whether the mechanism changes anything.
    public var isActive: Bool { pull > 0 || listedTiePenalty > 0 }
}
