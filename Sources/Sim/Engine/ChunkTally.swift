/// Integer counts of one chunk of citizens for one tick, summed over chunks in chunk order.
struct ChunkTally: BitwiseCopyable {
    var expressed = 0
    var privateDissent = 0
    var detained = 0
    var recordedDissent = 0
    var newDetentions = 0
    /// Present citizens who committed no infraction.
    var compliant = 0
    var virtueActs = 0
    /// True acts per behaviour.
    var acts = SIMD16<Int32>()
    /// Records of acts never committed (behaviours and dissent).
    var wrongfulRecords = 0
    var newListings = 0
    var delistings = 0
    /// New listings that the citizen's true record would not have triggered.
    var wrongfulSanctions = 0
    /// Citizens listed, per sanction.
    var listed = SIMD8<Int32>()
    var flightBans = 0
    var railBans = 0
    /// Citizens with a family tie under a school restriction.
    var schoolRestricted = 0
    var ratings = 0
    var ratingSum = 0
    var fiveStarRatings = 0
    var tiesCut = 0
    var newTies = 0

    mutating func add(_ other: ChunkTally) {
        expressed += other.expressed
        privateDissent += other.privateDissent
        detained += other.detained
        recordedDissent += other.recordedDissent
        newDetentions += other.newDetentions
        compliant += other.compliant
        virtueActs += other.virtueActs
        acts &+= other.acts
        wrongfulRecords += other.wrongfulRecords
        newListings += other.newListings
        delistings += other.delistings
        wrongfulSanctions += other.wrongfulSanctions
        listed &+= other.listed
        flightBans += other.flightBans
        railBans += other.railBans
        schoolRestricted += other.schoolRestricted
        ratings += other.ratings
        ratingSum += other.ratingSum
        fiveStarRatings += other.fiveStarRatings
        tiesCut += other.tiesCut
        newTies += other.newTies
    }
}

/// In-degree counts of one chunk, for the isolation metrics.
struct DegreeTally: BitwiseCopyable {
    var privateDissenters = 0
    var privateDissenterInDegree = 0
    var others = 0
    var othersInDegree = 0
    var pariahs = 0

    mutating func add(_ other: DegreeTally) {
        privateDissenters += other.privateDissenters
        privateDissenterInDegree += other.privateDissenterInDegree
        others += other.others
        othersInDegree += other.othersInDegree
        pariahs += other.pariahs
    }
}
