/// The keys of the regime: surveillance, score, detention, sanctions, perks, peer rating and
/// visibility.
extension ScenarioKeys {
    // MARK: Surveillance

    static let surveillance = KeyTable<Surveillance>(
        KeyEntry.family("<channel>", Surveillance.ChannelName.self) { name in
            .table(name.rawValue, \.[name], channel, omittedWhenDefault: true)
        })

    static let channel = KeyTable<Surveillance.Channel>(
        [
            .value(
                "coverage", \.coverage, .number(.unit), omitted: .when { $0.camerasPerCapita != nil },
                doc: "Probability that an act on the channel is recorded.",
                source: .assumption("nothing is watched unless a scenario says so: the baseline is a free society")),
            .value(
                "misidentification", \.misidentification, .number(.unit),
                doc: "Probability per citizen and tick of a false record of each infraction on the channel "
                    + "(of dissent, on `dissent`).",
                source: .assumption("no false records unless a scenario studies them")),
            .value(
                "cameras_per_capita", \.camerasPerCapita, ValueCodec.number(.nonNegative).optional,
                defaultNote: "none: `coverage` is given",
                doc: "Cameras per inhabitant; the coverage is then recognition_accuracy · "
                    + "(1 − e^(−cameras_per_capita · view_factor)).",
                source: .assumption(
                    "coverage is given directly unless a scenario counts cameras (600 million for 1.4 billion "
                        + "people, DESIGN.md §1, is 0.43)")),
            .value(
                "recognition_accuracy", \.recognitionAccuracy, .number(.unit),
                doc: "Probability that a camera sighting identifies the person.",
                source: .assumption("most faces seen are identified, not all; no source gives a rate")),
            .value(
                "view_factor", \.viewFactor, .number(.positive),
                doc: "People-equivalents of public space one camera watches.",
                source: .assumption(
                    "600 million cameras for 1.4 billion people then record 74% of public acts at accuracy 0.9")),
        ], checks: [coverageOrCameras],
        writeOrder: ["coverage", "cameras_per_capita", "recognition_accuracy", "view_factor", "misidentification"])

    // MARK: Score

    static let score = KeyTable<ScoreRules>(
        [
            .value(
                "initial", \.initial, .number(), doc: "Everyone's score at the start, in points.",
                source: .citation("Rongcheng starts everyone at 1,000 points (rongcheng.toml)")),
            .value(
                "min", \.min, .number(.nonNegative), doc: "Lowest score, in points.",
                source: .assumption("scores do not go negative")),
            .value(
                "max", \.max, .number(), doc: "Highest score (the cap), in points.",
                source: .assumption("the start is the cap, so virtues only repair deductions")),
            .value(
                "resolution", \.resolution, .number(.positive), doc: "Grid step of scores, in points.",
                source: .assumption("fine enough that no default's points are rounded")),
            .value(
                "recovery", \.recovery, .number(.nonNegative),
                doc: "Points per tick by which a score moves back toward `initial`.",
                source: .citation("\"once untrustworthy, always restricted\" (the source articles, SOURCES.md)")),
            .value(
                "listed_stake", \.listedStake, .number(.unit),
                doc: "Share of a record's points still at stake while on any list, time-limited or permanent: in "
                    + "dissent, everyday behaviours and a rater's fake-niceness alike.",
                source: .assumption(
                    "a listed citizen has already lost much of what the score buys, so half of a record's points "
                        + "still matter; permanent lists are not set apart so that dissent and ratings, which see "
                        + "only whether a tie is listed, weigh a listing alike")),
            .table("association", \.association, association),
            .table("points", \.points, points),
            .array(
                "grades", \.grades, grade, afterRules: true,
                doc: "Named score bands: a citizen is in the band with the largest min ≤ its score.",
                source: .assumption("no bands unless a scenario names them (rongcheng.toml has Rongcheng's)")),
        ], checks: [maxAboveMin, initialWithinRange, resolutionFineEnough],
        writeOrder: [
            "initial", "min", "max", "resolution", "recovery", "listed_stake", "association", "grades", "points",
        ])

    static let association = KeyTable<Association>([
        .value(
            "pull", \.pull, .number(.unit),
            doc: "Share per tick of the gap to the weighted mean score of one's active ties that one's score closes.",
            source: .assumption("off unless a scenario models guilt by association")),
        .value(
            "family_weight", \.familyWeight, .number(.nonNegative),
            doc: "Weight of a family tie relative to a social one, in the mean and in the penalty.",
            source: .assumption("family counts twice as much as a friend; no source gives a weight")),
        .value(
            "listed_tie_penalty", \.listedTiePenalty, .number(.nonNegative),
            doc: "Points lost per tick per weighted active tie to a listed citizen.",
            source: .assumption("off unless a scenario models guilt by association")),
    ])

    static let points = KeyTable<ScoreRules.Points>([
        .value(
            "dissent", \.dissent, .number(), doc: "Points per recorded public dissent; negative for a deduction.",
            source: .assumption("speech against the state costs more than any default behaviour (−5 to −30)"))
    ])

    static let grade = ElementTable<ScoreRules, Grade>(
        KeyTable(
            [
                .value(
                    "name", \.name, .string, required: true, doc: "Band name, also in column names (`grade_<name>`).",
                    source: .setting),
                .value(
                    "min", \.minimum, .unboundedNumber, required: true,
                    doc: "Lowest score in the band, in points.", source: .scenario),
            ], noun: "grade"),
        template: Grade(name: "", minimum: 0), checks: [.names(.grade), gradeWithinScoreRange, gradesIncrease])

    // MARK: Detention, sanctions and perks

    static let detention = KeyTable<DetentionRules>([
        .value(
            "probability", \.probability, .number(.unit),
            doc: "Probability that a recorded dissent leads to detention.",
            source: .assumption("nobody is detained unless a scenario says so")),
        .value(
            "ticks", \.ticks, .distribution, doc: "Detention length in ticks, rounded into 1...65,535.",
            source: .assumption("ten days, a short administrative detention; Epstein (2002) draws terms instead")),
    ])

    static let policing = KeyTable<Policing>([
        .value(
            "capacity", \.capacity, .number(.nonNegative),
            doc: "Watchers of dissent per citizen; above 0, detection follows Epstein's P = 1 − exp(−k ⌊C / A⌋) "
                + "with watchers allocated over districts, instead of `surveillance.dissent.coverage`.",
            source: .assumption(
                "off unless a scenario models finite policing (epstein-outbursts.toml; Epstein 2002 has 0.04 cops "
                    + "per cell for 0.7 agents)")),
        .value(
            "district_size", \.districtSize, .integer(atLeast: 1),
            doc: "Citizens per district: districts are blocks of consecutive ids, neighbourhoods of the lattice.",
            source: .assumption(
                "a residential community of about a thousand people, the unit grid policing works in; nothing "
                    + "fixes the size")),
        .value(
            "vision", \.vision, .integer(atLeast: 1),
            doc: "Citizens in a field of view: districts are cut into beats of this many consecutive ids, which "
                + "share a Poisson count of watchers in view (C) and count each other's dissent (A).",
            source: .assumption(
                "about the agents in view in Epstein 2002 (vision 7 on a 40 × 40 torus at 0.7 agents per cell: "
                    + "up to 113 cells, about 80 agents)")),
        .value(
            "focus", \.focus, .number(.unit),
            doc: "Share of the watchers allocated in proportion to each district's dissent `lag` ticks ago; the "
                + "rest is spread evenly.",
            source: .assumption("the regime keeps half its watchers on routine patrol and sends half where dissent was")
        ),
        .value(
            "alarm", \.alarm, .number(.unit),
            doc: "Expressed dissent, as a share of the population, that the regime treats as routine: the focused "
                + "watchers go in proportion to each district's dissent plus this level spread by district size.",
            source: .assumption(
                "a percent of the population speaking out is what a regime sees every day and does not redeploy "
                    + "for; it only sets how much dissent draws the watchers away")),
        .value(
            "reallocation", \.reallocation, .number(NumberRange(lower: 0, lowerInclusive: false, upper: 1)),
            doc: "Share of the gap between each district's watchers and its target closed per tick.",
            source: .assumption("redeploying takes days: a fifth of the gap closes each day")),
        .value(
            "lag", \.lag, .integer(atLeast: 0),
            doc: "Ticks between the dissent the regime sees and the allocation it aims at.",
            source: .assumption("reports take a few days to reach whoever deploys the watchers")),
    ])

    static let sanction = ElementTable<Scenario, Sanction>(
        KeyTable(
            [
                .value(
                    "name", \.name, .string, required: true,
                    doc: "List name, also in column names (`sanction_<name>`).", source: .setting),
                .table("trigger", \.trigger, sanctionTrigger, required: true, inline: true),
                .value(
                    "duration", \.duration, .duration, required: true, doc: "Ticks a listing lasts, or for good.",
                    source: .scenario),
                .value(
                    "lift_above", \.liftAbove, ValueCodec.number().optional, defaultNote: "none: no early delisting",
                    doc: "Delisted early at the first tick the score is at least this (repair).",
                    source: .assumption("\"once untrustworthy, always restricted\" unless a scenario models repair")),
                .value(
                    "effects", \.effects, .choices(of: Sanction.Effect.self),
                    doc: "What a listing does (MODEL.md, Blacklists and sanctions).",
                    source: .assumption("a list does nothing until a scenario names its effects")),
                .value(
                    "means_factor", \.meansFactor, .number(.unit), doc: "Means multiplier under job-block.",
                    source: .assumption("a blocked career costs 40% of income; no source gives a figure")),
                .value(
                    "credit_factor", \.creditFactor, .number(.unit),
                    doc: "Means multiplier under loan-ban or property-ban, once for a list with both.",
                    source: .assumption(
                        "credit withheld costs a tenth of effective means, less than a blocked career; one factor "
                            + "for both bans, which withhold the same thing (property is mostly bought on credit); "
                            + "no source gives a figure")),
                .value(
                    "initial_share", \.initialShare, .number(.unit), omitted: .whenDefault,
                    doc: "Share of citizens on the list when the run starts.",
                    source: .assumption("lists start empty unless a scenario gives a stock (blacklist-2019.toml)")),
                .value(
                    "initial_points", \.initialPoints, .number(), omitted: .whenDefault,
                    doc: "Up to this many points added to an initially listed citizen's starting score: what is "
                        + "left of its debt.",
                    source: .assumption("no debt left unless a scenario gives one")),
            ], noun: "sanction"),
        template: Sanction(name: "", trigger: .scoreBelow(0)),
        checks: [
            .names(.identifier), recordNamesAnAct, listedNamesAnEarlierList, initialShareNotForFollowers,
            initialPointsNeedAShare,
        ], maximumCount: Sanction.maximumCount)

    static let sanctionTrigger = KeyTable<Sanction.Trigger>.alternatives([
        .value(
            "score_below", get: { if case .scoreBelow(let value) = $0 { value } else { nil } },
            set: { trigger, value in if let value { trigger = .scoreBelow(value) } }, ValueCodec.number().optional,
            doc: "Listed when the score is below this.", source: .scenario),
        .value(
            "record", get: { if case .record(let act) = $0 { act } else { nil } },
            set: { trigger, act in if let act { trigger = .record(act) } }, ValueCodec.string.optional,
            doc: "Listed on a record of this behaviour, or of \"dissent\", this tick.", source: .scenario),
        .value(
            "listed", get: { if case .listed(let list) = $0 { list } else { nil } },
            set: { trigger, list in if let list { trigger = .listed(list) } }, ValueCodec.string.optional,
            doc: "Listed while on this earlier list, for as long; `duration` is not used.", source: .scenario),
    ])

    static let perk = ElementTable<Scenario, Perk>(
        KeyTable(
            [
                .value(
                    "name", \.name, .string, required: true, doc: "Perk name, also in column names (`perk_<name>`).",
                    source: .setting),
                .table("trigger", \.trigger, perkTrigger, required: true, inline: true),
                .value(
                    "effects", \.effects, .choices(of: Perk.Effect.self), doc: "What the perk gives (MODEL.md, Perks).",
                    source: .assumption("a perk gives nothing until a scenario names its effects")),
                .value(
                    "dating_rate", \.datingRate, .number(.unit),
                    doc: "Probability per tick of a new tie under dating-boost.",
                    source: .assumption("about one new tie every 20 days")),
                .value(
                    "means_bonus", \.meansBonus, .number(.nonNegative),
                    doc: "Means bonus under means-bonus: means × (1 + means_bonus).",
                    source: .assumption(
                        "the size of the prime tier's 20% housing discount in Black Mirror's \"Nosedive\" "
                            + "(nosedive.toml)")),
                .value(
                    "transport_discount", \.transportDiscount, .number(.unit),
                    doc: "Share of fares cut under transport-discount: trip rates × (1 + trips.price_elasticity × "
                        + "transport_discount).",
                    source: .assumption("a tenth off fares; no source gives the size of a score's discount")),
                .value(
                    "hardship_relief", \.hardshipRelief, .number(.unit),
                    doc: "Share of hardship relieved under hospital-priority: grievance is H (1 − hardship_relief) "
                        + "(1 − L).",
                    source: .assumption(
                        "priority care relieves about the share of spending that goes on health care, 7.9% of "
                            + "household consumption in 2017 (NDRC's 2017 report on household consumption), "
                            + "rounded to a tenth")),
            ], noun: "perk"),
        template: Perk(name: "", trigger: .scoreAbove(0)), checks: [.names(.identifier)],
        maximumCount: Perk.maximumCount)

    static let perkTrigger = KeyTable<Perk.Trigger>.alternatives([
        .value(
            "score_above", get: { if case .scoreAbove(let value) = $0 { value } else { nil } },
            set: { trigger, value in if let value { trigger = .scoreAbove(value) } }, ValueCodec.number().optional,
            doc: "Held while the score is at least this.", source: .scenario),
        .value(
            "top_share", get: { if case .topShare(let share) = $0 { share } else { nil } },
            set: { trigger, share in if let share { trigger = .topShare(share) } },
            ValueCodec.number(NumberRange(lower: 0, lowerInclusive: false, upper: 1)).optional,
            doc: "Held by the top share of scores at the previous tick, ties included.", source: .scenario),
    ])

    // MARK: Peer rating and visibility

    static let peerRating = KeyTable<PeerRating>([
        .value(
            "enabled", \.enabled, .boolean, doc: "Whether citizens rate their ties and ratings move scores.",
            source: .assumption("off unless a scenario models peer rating")),
        .value(
            "ratings_per_tick", \.ratingsPerTick, .number(.nonNegative),
            doc: "Expected ratings each citizen receives per tick.",
            source: .assumption("a few ratings a day")),
        .value(
            "responsiveness", \.responsiveness, .number(.unit),
            doc: "Share per tick of the gap to the weighted mean rating received that the score closes.",
            source: .assumption("a day's ratings move the score a tenth of the way")),
        .value(
            "inflation", \.inflation, .number(.nonNegative),
            doc: "Stars added per unit of the ratee's score fraction above one half.",
            source: .assumption(
                "enough to pile ratings up near five stars, as on rating platforms (Filippas, Horton and Golden, "
                    + "\"Reputation inflation\")")),
        .value(
            "fake_nice", \.fakeNice, .number(.nonNegative), doc: "Stars added by a rater with its full stake.",
            source: .assumption("one star of over-the-top niceness from those with most to lose (DESIGN.md §1)")),
        .value(
            "stigma", \.stigma, .number(.nonNegative), doc: "Stars taken from a stigmatized ratee.",
            source: .assumption("shunning weighs more than niceness")),
        .value(
            "rater_weight", \.raterWeight, .number(.nonNegative),
            doc: "A rater's weight is 1 + rater_weight × its score fraction.",
            source: .assumption("a top scorer's rating counts three times a bottom scorer's")),
    ])

    /// The values of `visibility.scores`.
    enum ScoreVisibility: String, CaseIterable, Sendable {
        case `public`, `private`
    }

    static let visibility = KeyTable<Visibility>([
        .value(
            "scores", \.publicScores,
            ValueCodec<ScoreVisibility>.choice.map({ $0 == .public }, back: { $0 ? .public : .private }),
            doc: "Whether scores are public; public scores make citizens cut ties to the stigmatized.",
            source: .assumption("the regime keeps scores private unless a scenario publishes them")),
        .value(
            "cut_rate", \.cutRate, .number(.unit),
            doc: "Probability per tick of cutting a tie to a stigmatized citizen, times (conformity + ambition) / 2.",
            source: .assumption("a tie to the stigmatized lasts about ten days on average")),
        .value(
            "cut_family", \.cutFamily, .boolean, doc: "Whether family ties may be cut too.",
            source: .assumption("family is not dropped")),
        .value(
            "stigma_below", \.stigmaBelow, ValueCodec.number().optional, defaultNote: "none: no score threshold",
            doc: "A score below this stigmatizes, besides a listing or a recorded dissent.",
            source: .assumption("only listings and recorded dissent stigmatize unless a scenario sets a score")),
    ])
}
