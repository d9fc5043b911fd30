import Agents

/// Every key a scenario file can set, declared once: its place, type, range, default, meaning and
/// source, and the rules between keys.
///
/// The declarations drive scenario files: ``decode(_:name:)`` reads a merged scenario tree key by
/// key through them (types, ranges, required keys, rules), unknown keys are reported with a
/// did-you-mean among the keys declared for their table, ``toml(_:)`` writes resolved scenarios
/// from them, and docs/MODEL.md's parameter reference is rendered from ``all`` and ``rules`` (a
/// test keeps it, and docs/FORMATS.md's example, in step).
///
/// Defaults are never written here: a key's default is the value the Swift type's initialiser
/// gives (`DissentParameters().deterrence`), read through the key's key path. To add a key, add
/// the field to its Swift type with a default, then one entry to its table below, in the order it
/// is read (which is also the order it is written, unless the table gives a `writeOrder`); a rule
/// between keys goes in the table's `checks` (see ScenarioKeys+Rules.swift).
public enum ScenarioKeys {
    /// Every key, table by table in reading order. Paths use `[]` for the elements of an array of
    /// tables and `<channel>` / `<trait>` for any surveillance channel / trait.
    public static let all: [ScenarioKey] = topLevel.keys(at: [], default: defaults)

    /// Every rule between keys, table by table.
    public static let rules: [ScenarioRule] = topLevel.rules(at: [])

    /// The scenario a merged scenario tree describes, named `name` unless it gives a name.
    static func decode(_ root: ScenarioNode, name: String) throws(ScenarioError) -> Scenario {
        var reader = try TableReader(root, path: [])
        var scenario = Scenario(name: name)
        try topLevel.decode(&reader, into: &scenario)
        return scenario
    }

    /// `scenario` as a complete scenario file: every key, in the tables' order, so that loading
    /// the text gives the same scenario. Two exceptions keep it readable: a surveillance channel
    /// left at its defaults is not written, and neither is an empty array of tables whose default
    /// is empty (an empty `behaviours` is written `behaviours = []`).
    static func toml(_ scenario: Scenario) -> String {
        var writer = TOMLWriter()
        topLevel.write(scenario, defaults: defaults, header: nil, to: &writer)
        return writer.text
    }

    /// The scenario of an empty file: every default.
    static let defaults = Scenario(name: "")

    // MARK: The top level

    static let topLevel = KeyTable<Scenario>(
        [
            .value(
                "name", \.name, .string, defaultNote: "the file name without .toml",
                doc: "Short name, used in the default output folder and the manifest.", source: .setting),
            .value(
                "description", \.description, .string, doc: "One line shown by `simctl scenarios`.", source: .setting),
            .loaderKey(
                "extends", type: .string, defaultNote: "none",
                doc: "A scenario to inherit, merged key by key under this one: a path relative to this file, or a "
                    + "shipped scenario's name.",
                source: .setting),
            .value("seed", \.seed, .integer(atLeast: 0), doc: "Seed of every random stream.", source: .setting),
            .value("ticks", \.ticks, .integer(atLeast: 1), doc: "Ticks (days) to simulate.", source: .setting),
            .value(
                "represents", \.represents, ValueCodec<Int>.integer(atLeast: 1).optional,
                defaultNote: "none: no scaled columns",
                doc: "Real population the simulated one stands for: every count is also written scaled to it.",
                source: .setting),
            .table("population", \.population, population),
            .table("traits", \.population, traits),
            .table("graph", \.graph, graph),
            .table("legitimacy", \.legitimacy, legitimacy),
            .table("dissent", \.dissent, dissent),
            .table("conduct", \.conduct, conduct),
            .array(
                "behaviours", \.behaviours, behaviour,
                doc: "Everyday behaviours; writing any replaces the default list (`behaviours = []` for none).",
                source: .assumption(
                    "the acts of the source material (DESIGN.md §1); rates per day are guesses, points follow "
                        + "Rongcheng-style tables (−5 to −30 for infractions, +5 to +20 for virtues)")),
            .table("trips", \.trips, trips),
            .table("surveillance", \.regime.surveillance, surveillance),
            .table("score", \.regime.score, score),
            .table("detention", \.regime.detention, detention),
            .table("policing", \.regime.policing, policing),
            .array(
                "sanctions", \.regime.sanctions, sanction, doc: "Blacklists and sanctions, evaluated in order.",
                source: .assumption("no lists unless a scenario names them")),
            .array(
                "perks", \.regime.perks, perk, doc: "Perks for high scorers.",
                source: .assumption("no perks unless a scenario names them")),
            .table("peer_rating", \.regime.peerRating, peerRating),
            .table("visibility", \.regime.visibility, visibility),
        ], checks: [onlyFilesExtend])

    // MARK: Citizens and ties

    static let population = KeyTable<PopulationSpec>([
        .value(
            "size", \.size, ValueCodec<Int>.integer(atLeast: 1).optional,
            defaultNote: "the population file's rows, else the edge list's, else \(PopulationSpec.defaultSize)",
            doc: "Number of citizens.", source: .setting),
        .value(
            "file", \.file, ValueCodec<String>.filePath.optional, defaultNote: "none: every trait is drawn",
            doc: "CSV of traits, one row per citizen (FORMATS.md), relative to the scenario file.", source: .setting),
    ])

    static let traits = KeyTable<PopulationSpec>([
        trait(
            .hardship, "hardship H in [0, 1], material hardship; grievance is H (1 − L)",
            because: "mean 0.29: most citizens get by, a minority is in real hardship; nothing measures it"),
        trait(
            .riskAversion, "risk aversion R in [0, 1], the weight on the expected cost of being caught",
            because: "nothing is known of its spread, so every level is equally likely"),
        trait(
            .threshold, "the dissent threshold θ0 in [0, 1], the share of active ties that must dissent first",
            because: "thresholds spread around one half and are rarely extreme; no survey measures them"),
        trait(
            .conformity, "conformity c in [0, 1], the pull toward what one's ties did last tick", because: unmeasured),
        trait(.ambition, "ambition a in [0, 1], how much score and rank matter", because: unmeasured),
        trait(
            .means, "means m ≥ 0, income in units of the median",
            because: "incomes are lognormal; median 1 by the unit's definition, σ 0.6 gives a Gini of about 0.33"),
    ])

    private static let unmeasured = "centred on one half with a wide spread; nothing measures it"

    /// The key of `trait`'s distribution.
    private static func trait(_ trait: Trait, _ doc: String, because reason: String) -> KeyEntry<PopulationSpec> {
        .value(
            trait.rawValue, \.traits[trait], ValueCodec.distribution.optional,
            doc: "Distribution of \(doc); clipped to the range.", source: .assumption(reason))
    }

    static let graph = KeyTable<GraphSpec>([
        .value(
            "model", \.model, .choice, doc: "Generator of social (non-family) ties (MODEL.md, Social graph).",
            source: .assumption(
                "clustered local ties with a few long-range ones, the stylised social network of Watts and "
                    + "Strogatz (1998)")),
        .value(
            "mean_degree", \.meanDegree, .number(.nonNegative),
            doc: "Mean number of social ties per citizen; small-world rounds it down to an even lattice degree.",
            source: .assumption("a circle of friends, neighbours and colleagues; no source gives its size")),
        .value(
            "rewire", \.rewire, .number(.unit),
            doc: "Small-world: probability that a lattice tie's far end is rewired to a random citizen.",
            source: .assumption("in Watts and Strogatz's small-world regime: short paths, ties still clustered")),
        .value(
            "file", \.file, ValueCodec<String>.filePath.optional, defaultNote: "none",
            doc: "Edge list of social ties for `model = \"edge-list\"` (FORMATS.md), relative to the scenario file.",
            source: .setting),
        .table("households", \.households, households),
    ])

    static let households = KeyTable<GraphSpec.Households>([
        .value(
            "enabled", \.enabled, .boolean,
            doc: "Whether households, cliques of family ties among consecutive ids, are made; not for edge lists.",
            source: .assumption("most people live with family")),
        .value(
            "size", \.size, .distribution, doc: "Household sizes, rounded to an integer ≥ 1.",
            source: .citation("China's 2020 census: shares of households of 1 to 6 people (mean about 2.6)")),
    ])

    // MARK: Dissent and conduct

    static let legitimacy = KeyTable<LegitimacySchedule>([
        .value(
            "value", \.value, .number(.unit), doc: "Regime legitimacy L when there is no schedule.",
            source: .assumption(
                "a middling regime: a few percent speak out and the cascade does not take the whole society")),
        .value(
            "schedule", \.schedule, .schedule,
            doc: "L over time: (tick, L) points, linear between them and flat outside; replaces `value`.",
            source: .assumption("legitimacy is constant unless a scenario models a change")),
    ])

    static let dissent = KeyTable<DissentParameters>([
        .value(
            "deterrence", \.deterrence, .number(.nonNegative),
            doc: "k in the detection probability P = coverage · (1 − exp(−k / (1 + A))), and in policing's "
                + "P = 1 − exp(−k ⌊C / A⌋).",
            source: .citation(
                "Epstein 2002, PNAS 99:7243: k = 2.3, so a lone dissenter who is watched is caught with "
                    + "probability 0.9")),
        .value(
            "severity", \.severity, .number(.nonNegative),
            doc: "Severity of punishment as perceived, scaling the deterrence term of the threshold.",
            source: .assumption("the deterrence term as Epstein (2002) has it, unscaled")),
        .value(
            "points_scale", \.pointsScale, .number(.positive),
            doc: "Points a record takes that weigh one unit of its cost (MODEL.md, Public dissent).",
            source: .assumption(
                "the default points of a recorded dissent: at the default penalty a record weighs as much as the "
                    + "score share the previous model staked at the start")),
        .value(
            "detention_weight", \.detentionWeight, .number(.nonNegative),
            doc: "Cost units per expected tick of detention: the weight of detention against points.",
            source: .assumption(
                "a ten-day administrative detention (the default length) weighs as much as the default 50 points; "
                    + "nothing measures how citizens trade days of freedom against points")),
    ])

    static let conduct = KeyTable<ConductParameters>([
        .value(
            "social_influence", \.socialInfluence, .number(.nonNegative),
            doc: "β: utility weight of conformity × the share of one's ties who did the act last tick.",
            source: .assumption(
                "a citizen of middling conformity whose ties all did the act has e times the odds; not calibrated")),
        .value(
            "incentive", \.incentive, .number(.nonNegative),
            doc: "γ: utility weight of ambition × stake × detection × |points| / points_scale.",
            source: .assumption(
                "a fully watched act worth points_scale points moves a fully ambitious citizen's odds e³ ≈ 20-fold; "
                    + "not calibrated")),
        .value(
            "points_scale", \.pointsScale, .number(.positive), doc: "Points that make one unit of incentive.",
            source: .assumption("the default points of a recorded dissent, above any default behaviour's")),
    ])

    // MARK: Trips

    static let trips = KeyTable<Trips>(
        [
            .value(
                "flight_rate", \.flightRate, .number(.unit),
                doc: "Flights per citizen per tick (day), the population's mean with no list or perk acting.",
                source: .citation(
                    "CAAC's 2019 statistical bulletin of civil aviation: 585.68 million passenger trips on domestic "
                        + "routes in 2019, for 1,400.05 million people at the end of 2019 (National Bureau of "
                        + "Statistics, 17 January 2020), over 365 days")),
            .value(
                "rail_rate", \.railRate, .number(.unit),
                doc: "High-speed rail journeys per citizen per tick, the population's mean likewise.",
                source: .citation(
                    "China State Railway Group via Xinhua, 2 January 2020: 2.29 billion passenger trips on bullet "
                        + "trains in 2019 (of 3.57 billion by rail), for 1,400.05 million people, over 365 days")),
            .value(
                "means_elasticity", \.meansElasticity, .number(.nonNegative),
                doc: "ε: a citizen's trip rates are proportional to its effective means to the power ε.",
                source: .assumption(
                    "IATA's income elasticity of air travel for developing markets at the national level, 1.8 "
                        + "(IATA Economics Briefing No 9, Smyth and Pearce, April 2008), taken as the elasticity "
                        + "across citizens and for high-speed rail too; no source gives either")),
            .value(
                "price_elasticity", \.priceElasticity, .number(.nonNegative),
                doc: "Trips rise by this times a transport-discount perk's fare cut.",
                source: .assumption(
                    "the magnitude of IATA's national-level fare elasticity of air travel, −0.8 (IATA Economics "
                        + "Briefing No 9, April 2008), taken for rail too")),
        ], checks: [ratesFitATick])

    static let behaviour = ElementTable<Scenario, Behaviour>(
        KeyTable(
            [
                .value(
                    "name", \.name, .string, required: true, doc: "Identifier, also in column names (`acts_<name>`).",
                    source: .setting),
                .value(
                    "kind", \.kind, .choice, required: true, doc: "Whether the regime rewards or punishes the act.",
                    source: .scenario),
                .value(
                    "rate", \.rate, .number(.openUnit), required: true,
                    doc: "Base probability per tick, with no influences.", source: .scenario),
                .value(
                    "points", \.points, .number(), required: true,
                    doc: "Points a record adds to the score; negative for a deduction.", source: .scenario),
                .value(
                    "channel", \.channel, .choice, required: true,
                    doc: "The surveillance channel that can record the act.", source: .scenario),
                .table("drivers", \.drivers, drivers, inline: true),
                .value(
                    "condition", \.condition, .choice,
                    doc: "When the act is possible: always, or only with an active tie to a listed citizen.",
                    source: .assumption("most acts are open to anyone at any time")),
            ], noun: "behaviour"),
        template: Behaviour(name: "", kind: .infraction, rate: 0, points: 0, channel: .dissent),
        checks: [.names(.identifier), dissentIsReserved], maximumCount: Behaviour.maximumCount)

    static let drivers = KeyTable<[Trait: Double]>(
        KeyEntry.family("<trait>", Trait.self) { trait in
            .value(
                trait.rawValue, \.[trait], ValueCodec.number().optional, defaultNote: "0",
                doc: "Utility weight of the trait (of ln(means) for `means`).", source: .scenario)
        })
}
