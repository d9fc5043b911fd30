/// The columns of `timeseries.csv`, in order, each declared once: its name, how a chunk of
/// citizens counts it (a ``Count``, incremented by the mechanism that makes it), how a tick's
/// ``TickObservation`` reduces to its value, and its definition, which docs/MODEL.md's metrics
/// table repeats (a test keeps the two equal).
///
/// The first 17 columns are the dissent model's and never change; then the regime's; then one
/// column per grade, list, perk and behaviour; then, with `represents`, every count again scaled
/// to the represented population (``MetricsLayout``). docs/ARCHITECTURE.md shows the diff that
/// adds a column.
enum MetricColumns {
    /// A column, or a family of columns.
    enum Entry: Sendable {
        case column(MetricColumn)
        case family(MetricFamily)
    }

    /// The dissent model's columns.
    static let dissentModel: [Entry] = [
        .column(.tick), .column(.population), .column(.legitimacy), .column(.expressedDissent),
        .column(.privateOpposition), .column(.falsificationGap), .column(.latentDissent), .column(.latentGap),
        .column(.detained), .column(.recordedDissent),
        .column(.newDetentions), .column(.scoreMean), .column(.scoreSD), .column(.scoreP10), .column(.scoreP50),
        .column(.scoreP90), .column(.scoreGini),
    ]

    /// The regime's columns, after the dissent model's.
    static let regime: [Entry] = [
        .column(.complianceRate), .column(.virtueActsPerCapita), .column(.wrongfulRecords), .column(.newListings),
        .column(.delistings), .column(.wrongfulSanctions), .column(.flightAttempts), .column(.flightsBlocked),
        .column(.flightsBlockedTotal), .column(.flightBarred), .column(.railAttempts), .column(.railTripsBlocked),
        .column(.railTripsBlockedTotal), .column(.railBarred), .column(.schoolRestricted),
        .column(.dissenterInDegreeRatio), .column(.pariahs), .column(.tiesCut), .column(.newTies),
        .column(.rankVolatility), .column(.topDecileShare), .column(.meanRating), .column(.fiveStarShare),
        .family(.grades), .family(.lists), .family(.perks), .family(.acts),
    ]

    /// Every column, in order.
    static let all = dissentModel + regime
}

/// A count that each chunk of citizens keeps during a tick (in its ``ChunkTally``), for the
/// columns that read it.
enum Count: Int, CaseIterable {
    /// Citizens who expressed dissent; who oppose privately; who dissent latently; who are
    /// detained (absent).
    case expressed, privateOpposition, latentDissent, detained
    /// Dissent acts recorded (true records); detentions begun.
    case recordedDissent, newDetentions
    /// Present citizens who committed no infraction; virtuous acts.
    case compliant, virtueActs
    /// Records of acts never committed (behaviours and dissent).
    case wrongfulRecords
    /// Listings begun and ended, over all lists; new listings the true record would not have made.
    case newListings, delistings, wrongfulSanctions
    /// Citizens on a list that bans flights, that bans rail; citizens with a family tie under a
    /// school restriction.
    case flightBarred, railBarred, schoolRestricted
    /// Flights tried and blocked; rail journeys tried and blocked.
    case flightAttempts, flightsBlocked, railAttempts, railTripsBlocked
    /// Ratings given, their sum, and the five-star ones.
    case ratings, ratingSum, fiveStarRatings
    /// Slots re-pointed by tie cutting and by dating boosts.
    case tiesCut, newTies
}

extension MetricColumn {
    // The dissent model.
    static let tick = MetricColumn("tick", .integer, "t = 1..ticks") { Double($0.tick) }
    static let population = MetricColumn("population", .integer, "N") { Double($0.population) }
    static let legitimacy = MetricColumn(
        "legitimacy", .real, "L(t), used for the decisions that made this tick"
    ) { $0.legitimacy }
    static let expressedDissent = share("expressed_dissent", of: .expressed, "share expressing dissent at t")
    static let privateOpposition = share(
        "private_opposition", of: .privateOpposition,
        "share present at t whose grievance reaches their threshold, G_i ≥ θ0_i: they oppose whatever they see "
            + "(Kuran's private preference)")
    static let falsificationGap = MetricColumn(
        "falsification_gap", .real,
        "private_opposition − expressed_dissent: opposition hidden (< 0 when a cascade carries citizens who do not "
            + "oppose)"
    ) { Double($0.tally[.privateOpposition] - $0.tally[.expressed]) / Double($0.population) }
    static let latentDissent = share(
        "latent_dissent", of: .latentDissent,
        "share present at t with f_i(t − 1) ≥ θ*_i: who would dissent given what they see, were there no fear")
    static let latentGap = MetricColumn(
        "latent_gap", .real, "latent_dissent − expressed_dissent (≥ 0): dissent deterred"
    ) { Double($0.tally[.latentDissent] - $0.tally[.expressed]) / Double($0.population) }
    static let detained = share("detained", of: .detained, "share absent (detained) at t")
    static let recordedDissent = count("recorded_dissent", .recordedDissent, "dissent acts recorded at t")
    static let newDetentions = count("new_detentions", .newDetentions, "detentions begun at t")
    static let scoreMean = MetricColumn("score_mean", .real, "mean score") { $0.score.mean }
    static let scoreSD = MetricColumn(
        "score_sd", .real, "population standard deviation (÷ N) of scores"
    ) { $0.score.sd }
    static let scoreP10 = MetricColumn(
        "score_p10", .real, "10th percentile of scores, linear between order statistics (numpy's default, R's type 7)"
    ) { $0.score.p10 }
    static let scoreP50 = MetricColumn("score_p50", .real, "median score, as score_p10") { $0.score.p50 }
    static let scoreP90 = MetricColumn("score_p90", .real, "90th percentile of scores, as score_p10") { $0.score.p90 }
    static let scoreGini = MetricColumn(
        "score_gini", .real, "Gini coefficient of scores: Σ_i (2i − N − 1) s_(i) / (N Σ s), 0 when all scores are 0"
    ) { $0.score.gini }

    // The regime.
    static let complianceRate = MetricColumn(
        "compliance_rate", .real, "share of present citizens who did no infraction at t (1 when none is present)"
    ) { $0.present == 0 ? 1 : Double($0.tally[.compliant]) / Double($0.present) }
    static let virtueActsPerCapita = share(
        "virtue_acts_per_capita", of: .virtueActs, "virtuous acts at t / N")
    static let wrongfulRecords = count(
        "wrongful_records", .wrongfulRecords, "records at t of acts never done (behaviours and dissent)")
    static let newListings = count("new_listings", .newListings, "listings begun at t, over all lists")
    static let delistings = count("delistings", .delistings, "listings ended at t, over all lists")
    static let wrongfulSanctions = count(
        "wrongful_sanctions", .wrongfulSanctions, "new listings at t that the true record would not have triggered")
    /// Whether a scenario simulates trips and so has their columns.
    private static let simulatesTrips: @Sendable (Scenario) -> Bool = { $0.regime.readsTrips }

    static let flightAttempts = count(
        "flight_attempts", .flightAttempts, "trips only: flights citizens tried to buy at t, blocked ones included",
        if: simulatesTrips)
    static let flightsBlocked = count(
        "flights_blocked", .flightsBlocked, "trips only: flight purchases refused at t under a flight ban",
        if: simulatesTrips)
    static let flightsBlockedTotal = total(
        "flights_blocked_total", of: .flightsBlocked,
        "trips only: flight purchases refused over ticks 1..t (what the courts' cumulative figures count)",
        if: simulatesTrips)
    static let flightBarred = count(
        "flight_barred", .flightBarred, "trips only: citizens on a list that bans flights at t", if: simulatesTrips)
    static let railAttempts = count(
        "rail_attempts", .railAttempts,
        "trips only: high-speed rail journeys citizens tried to buy at t, blocked ones included", if: simulatesTrips)
    static let railTripsBlocked = count(
        "rail_trips_blocked", .railTripsBlocked, "trips only: rail purchases refused at t under a rail ban",
        if: simulatesTrips)
    static let railTripsBlockedTotal = total(
        "rail_trips_blocked_total", of: .railTripsBlocked, "trips only: rail purchases refused over ticks 1..t",
        if: simulatesTrips)
    static let railBarred = count(
        "rail_barred", .railBarred, "trips only: citizens on a list that bans rail at t", if: simulatesTrips)
    static let schoolRestricted = count(
        "school_restricted", .schoolRestricted, "citizens with a family tie to a citizen under a school restriction")
    static let dissenterInDegreeRatio = MetricColumn(
        "dissenter_indegree_ratio", .real,
        "mean in-degree of latent dissenters ÷ mean in-degree of everyone else (1 if either group is empty)"
    ) { $0.degrees.dissenterRatio }
    static let pariahs = MetricColumn("pariahs", .count, "citizens with in-degree 0") { Double($0.degrees.pariahs) }
    static let tiesCut = count("ties_cut", .tiesCut, "slots re-pointed at t by tie cutting")
    static let newTies = count("new_ties", .newTies, "slots re-pointed at t by dating boosts")
    static let rankVolatility = MetricColumn(
        "rank_volatility", .real,
        "mean |Δ percentile rank| since t − 1 over a fixed sample of min(N, 1000) citizens (ids ⌊kN/S⌋); "
            + "percentile rank = share with a lower score"
    ) { $0.rankVolatility }
    static let topDecileShare = MetricColumn(
        "top_decile_share", .real, "share of all score points held by the ⌈N/10⌉ highest scores"
    ) { $0.histogram.topDecileShare() }
    static let meanRating = MetricColumn(
        "mean_rating", .real, "peer-rating mode only: mean rating given at t (0 with none)",
        if: { $0.regime.peerRating.enabled }
    ) { $0.tally[.ratings] == 0 ? 0 : Double($0.tally[.ratingSum]) / Double($0.tally[.ratings]) }
    static let fiveStarShare = MetricColumn(
        "five_star_share", .real, "peer-rating mode only: share of the ratings given at t that are five stars",
        if: { $0.regime.peerRating.enabled }
    ) { $0.tally[.ratings] == 0 ? 0 : Double($0.tally[.fiveStarRatings]) / Double($0.tally[.ratings]) }
}

extension MetricFamily {
    static let grades = MetricFamily(
        "grade_", .real, "share of citizens in each grade", members: { $0.regime.score.grades.map(\.name) }
    ) { observation, grade in observation.histogram.gradeShare(grade) }
    static let lists = MetricFamily(
        "sanction_", .count, "citizens on each list", members: { $0.regime.sanctions.map(\.name) }
    ) { observation, list in Double(observation.tally.listed[list]) }
    static let perks = MetricFamily(
        "perk_", .count, "citizens holding each perk", members: { $0.regime.perks.map(\.name) }
    ) { observation, perk in Double(observation.histogram.citizens(atLeast: observation.perkMinimumSteps[perk])) }
    static let acts = MetricFamily(
        "acts_", .count, "acts of each behaviour done at t (true acts)", members: { $0.behaviours.map(\.name) }
    ) { observation, behaviour in Double(observation.tally.acts[behaviour]) }
}
