/// What a stream of random numbers is for: the third word of every Philox counter.
///
/// Giving every use its own purpose keeps streams independent: the draws that decide whether a
/// citizen's dissent is recorded never overlap the draws that made its traits. Raw values are part
/// of the reproducibility contract; never renumber an existing case, only add new ones.
public enum RandomPurpose: UInt32, Sendable {
    case hardship = 1
    case riskAversion = 2
    case threshold = 3
    case conformity = 4
    case ambition = 5
    case means = 6
    case householdSize = 16
    case latticeRewiring = 17
    case preferentialAttachment = 18
    case randomTies = 19
    case dissentDetection = 32
    case detention = 33
    case detentionLength = 34
    case conduct = 35
    case falseDissentRecord = 36
    case peerRating = 37
    case tieCutting = 38
    case dating = 39
    case conductRecord = 40
    case initialListing = 41
    case trips = 42
    case watchersInView = 50
    /// Base points drawn with replacement for bootstrap intervals of sweep analyses (entity: resample).
    case bootstrap = 60
}
