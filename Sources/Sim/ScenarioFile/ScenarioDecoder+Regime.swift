import Agents

/// Decoding of everyday behaviours, conduct, surveillance channels and the regime's instruments:
/// sanctions, perks, peer rating and visibility.
///
/// Arrays of tables (`[[behaviours]]`, `[[score.grades]]`, `[[sanctions]]`, `[[perks]]`) are read
/// whole: under `extends` an array written by the extending scenario replaces the inherited one.
/// Errors name an element by its 0-based index: `behaviours[3].rate` is the fourth behaviour.
extension ScenarioDecoder {
    func decode(_ table: inout TableReader, into conduct: inout ConductParameters) throws(ScenarioError) {
        conduct.socialInfluence = try table.number("social_influence", .nonNegative) ?? conduct.socialInfluence
        conduct.incentive = try table.number("incentive", .nonNegative) ?? conduct.incentive
        conduct.pointsScale = try table.number("points_scale", .positive) ?? conduct.pointsScale
        try table.finish()
    }

    // MARK: Behaviours

    func decodeBehaviours(_ elements: [TableReader]) throws(ScenarioError) -> [Behaviour] {
        try Self.checkCount(elements, maximum: Behaviour.maximumCount, of: "behaviours")
        let requirement = "a behaviour needs name, kind, rate, points and channel"
        var behaviours: [Behaviour] = []
        var names: [String: [String]] = [:]
        for var element in elements {
            guard let name = try element.string("name") else { throw element.missing("name", requirement) }
            try Self.checkName(name, in: element, rule: .identifier, names: &names)
            guard name != "dissent" else {
                throw element.error(
                    .invalidValue, key: "name", "\"dissent\" is reserved for public dissent; choose another name")
            }
            guard let kind = try element.choice("kind", of: Behaviour.Kind.self) else {
                throw element.missing("kind", requirement)
            }
            guard let rate = try element.number("rate", .openUnit) else { throw element.missing("rate", requirement) }
            guard let points = try element.number("points") else { throw element.missing("points", requirement) }
            guard let channel = try element.choice("channel", of: Surveillance.ChannelName.self) else {
                throw element.missing("channel", requirement)
            }
            var drivers: [Trait: Double] = [:]
            if var table = try element.table("drivers") {
                for trait in Trait.allCases { drivers[trait] = try table.number(trait.rawValue) }
                try table.finish()
            }
            let condition = try element.choice("condition", of: Behaviour.Condition.self) ?? .always
            try element.finish()
            behaviours.append(
                Behaviour(
                    name: name, kind: kind, rate: rate, points: points, channel: channel, drivers: drivers,
                    condition: condition))
        }
        return behaviours
    }

    // MARK: Surveillance

    func decode(_ table: inout TableReader, into surveillance: inout Surveillance) throws(ScenarioError) {
        for name in Surveillance.ChannelName.allCases {
            guard var reader = try table.table(name.rawValue) else { continue }
            var channel = surveillance[name]
            channel.coverage = try reader.number("coverage", .unit) ?? channel.coverage
            channel.misidentification = try reader.number("misidentification", .unit) ?? channel.misidentification
            channel.camerasPerCapita =
                try reader.number("cameras_per_capita", .nonNegative) ?? channel.camerasPerCapita
            channel.recognitionAccuracy =
                try reader.number("recognition_accuracy", .unit) ?? channel.recognitionAccuracy
            channel.viewFactor = try reader.number("view_factor", .positive) ?? channel.viewFactor
            try reader.finish()
            if let coverage = reader.node("coverage"), let cameras = reader.node("cameras_per_capita") {
                let coverageFirst =
                    coverage.writeOrder(at: reader.path + ["coverage"])
                    <= cameras.writeOrder(at: reader.path + ["cameras_per_capita"])
                let (later, earlier) =
                    coverageFirst ? ("cameras_per_capita", "coverage") : ("coverage", "cameras_per_capita")
                throw reader.error(
                    .invalidValue, key: later,
                    "cannot be given together with \(earlier) (cameras_per_capita derives the coverage); "
                        + "give one or the other")
            }
            surveillance[name] = channel
        }
        try table.finish()
    }

    // MARK: Score bands and association

    func decode(_ table: inout TableReader, into association: inout Association) throws(ScenarioError) {
        association.pull = try table.number("pull", .unit) ?? association.pull
        association.familyWeight = try table.number("family_weight", .nonNegative) ?? association.familyWeight
        association.listedTiePenalty =
            try table.number("listed_tie_penalty", .nonNegative) ?? association.listedTiePenalty
        try table.finish()
    }

    /// Grades, whose minimums must lie in the score range `[min, max]` and increase strictly.
    func decodeGrades(_ elements: [TableReader], min: Double, max: Double) throws(ScenarioError) -> [Grade] {
        let requirement = "a grade needs name and min"
        var grades: [Grade] = []
        var names: [String: [String]] = [:]
        for var element in elements {
            guard let name = try element.string("name") else { throw element.missing("name", requirement) }
            try Self.checkName(name, in: element, rule: .grade, names: &names)
            let range = NumberRange(lower: min, upper: max)
            guard let minimum = try element.number("min", range) else { throw element.missing("min", requirement) }
            if let previous = grades.last, minimum <= previous.minimum {
                throw element.error(
                    .outOfRange, key: "min",
                    "expected a number > \(TOMLFormat.number(previous.minimum)) (grade mins must increase; "
                        + "the previous grade \(TOMLFormat.string(previous.name)) starts there), "
                        + "got \(TOMLFormat.number(minimum))")
            }
            try element.finish()
            grades.append(Grade(name: name, minimum: minimum))
        }
        return grades
    }

    // MARK: Sanctions and perks

    func decodeSanctions(_ elements: [TableReader], behaviours: [Behaviour]) throws(ScenarioError) -> [Sanction] {
        try Self.checkCount(elements, maximum: Sanction.maximumCount, of: "sanctions")
        let requirement = "a sanction needs name, trigger and duration"
        var sanctions: [Sanction] = []
        var names: [String: [String]] = [:]
        for var element in elements {
            guard let name = try element.string("name") else { throw element.missing("name", requirement) }
            try Self.checkName(name, in: element, rule: .identifier, names: &names)
            guard var trigger = try element.table("trigger") else { throw element.missing("trigger", requirement) }
            let scoreBelow = try trigger.number("score_below")
            let record = try trigger.string("record")
            let listed = try trigger.string("listed")
            try Self.checkExactlyOne(of: ["score_below", "record", "listed"], in: trigger)
            let sanctionTrigger: Sanction.Trigger
            if let scoreBelow {
                sanctionTrigger = .scoreBelow(scoreBelow)
            } else if let record {
                let acts = ["dissent"] + behaviours.map(\.name)
                guard acts.contains(record) else {
                    var message =
                        "expected \"dissent\" or the name of a behaviour of this scenario, got \(TOMLFormat.string(record))"
                    if let suggestion = TableReader.suggestion(for: record, among: acts) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    throw trigger.error(.invalidValue, key: "record", message)
                }
                sanctionTrigger = .record(record)
            } else {
                let listed = listed ?? ""
                let earlier = sanctions.map(\.name)
                guard earlier.contains(listed) else {
                    let message: String
                    if listed == name {
                        message = "a sanction cannot be triggered by its own list"
                    } else if let later = elements.firstIndex(where: { Self.writtenName(of: $0) == listed }) {
                        message =
                            "expected the name of an earlier sanction, got \(TOMLFormat.string(listed)), "
                            + "which is sanctions[\(later)]; list it before this one"
                    } else {
                        var text = "expected the name of an earlier sanction, got \(TOMLFormat.string(listed))"
                        if let suggestion = TableReader.suggestion(for: listed, among: earlier) {
                            text += "; did you mean '\(suggestion)'?"
                        }
                        message = text
                    }
                    throw trigger.error(.invalidValue, key: "listed", message)
                }
                sanctionTrigger = .listed(listed)
            }
            guard let durationNode = element.node("duration") else {
                throw element.missing("duration", requirement)
            }
            let duration: Int?
            switch (durationNode.value, durationNode.origin) {
            case (.integer(let ticks), _) where ticks >= 1: duration = ticks
            case (.string("permanent"), _): duration = nil
            default:
                throw durationNode.error(
                    .invalidValue, at: element.path + ["duration"],
                    "expected an integer >= 1 or \"permanent\", got \(durationNode.summary)")
            }
            let liftAbove = try element.number("lift_above")
            let effects = try element.choices("effects", of: Sanction.Effect.self) ?? []
            let meansFactor = try element.number("means_factor", .unit) ?? 0.6
            let initialShare = try element.number("initial_share", .unit) ?? 0
            if initialShare > 0, case .listed = sanctionTrigger, let node = element.node("initial_share") {
                throw node.error(
                    .invalidValue, at: element.path + ["initial_share"],
                    "a list triggered by another list starts with that list's members; set initial_share there")
            }
            let initialPoints = try element.number("initial_points") ?? 0
            if initialPoints != 0 && initialShare == 0, let node = element.node("initial_points") {
                throw node.error(
                    .invalidValue, at: element.path + ["initial_points"],
                    "initial_points applies to the initially listed; set initial_share > 0 too")
            }
            try element.finish()
            sanctions.append(
                Sanction(
                    name: name, trigger: sanctionTrigger, duration: duration, liftAbove: liftAbove, effects: effects,
                    meansFactor: meansFactor, initialShare: initialShare, initialPoints: initialPoints))
        }
        return sanctions
    }

    func decodePerks(_ elements: [TableReader]) throws(ScenarioError) -> [Perk] {
        try Self.checkCount(elements, maximum: Perk.maximumCount, of: "perks")
        let requirement = "a perk needs name and trigger"
        var perks: [Perk] = []
        var names: [String: [String]] = [:]
        for var element in elements {
            guard let name = try element.string("name") else { throw element.missing("name", requirement) }
            try Self.checkName(name, in: element, rule: .identifier, names: &names)
            guard var trigger = try element.table("trigger") else { throw element.missing("trigger", requirement) }
            let scoreAbove = try trigger.number("score_above")
            let topShare = try trigger.number("top_share", NumberRange(lower: 0, lowerInclusive: false, upper: 1))
            try Self.checkExactlyOne(of: ["score_above", "top_share"], in: trigger)
            let perkTrigger: Perk.Trigger = if let scoreAbove { .scoreAbove(scoreAbove) } else { .topShare(topShare!) }
            let effects = try element.choices("effects", of: Perk.Effect.self) ?? []
            let datingRate = try element.number("dating_rate", .unit) ?? 0.05
            let meansBonus = try element.number("means_bonus", .nonNegative) ?? 0.2
            try element.finish()
            perks.append(
                Perk(name: name, trigger: perkTrigger, effects: effects, datingRate: datingRate, meansBonus: meansBonus)
            )
        }
        return perks
    }

    // MARK: Peer rating and visibility

    func decode(_ table: inout TableReader, into rating: inout PeerRating) throws(ScenarioError) {
        rating.enabled = try table.bool("enabled") ?? rating.enabled
        rating.ratingsPerTick = try table.number("ratings_per_tick", .nonNegative) ?? rating.ratingsPerTick
        rating.responsiveness = try table.number("responsiveness", .unit) ?? rating.responsiveness
        rating.inflation = try table.number("inflation", .nonNegative) ?? rating.inflation
        rating.fakeNice = try table.number("fake_nice", .nonNegative) ?? rating.fakeNice
        rating.stigma = try table.number("stigma", .nonNegative) ?? rating.stigma
        rating.raterWeight = try table.number("rater_weight", .nonNegative) ?? rating.raterWeight
        try table.finish()
    }

    /// The values of `visibility.scores`.
    enum ScoreVisibility: String, CaseIterable {
        case `public`, `private`
    }

    func decode(_ table: inout TableReader, into visibility: inout Visibility) throws(ScenarioError) {
        if let scores = try table.choice("scores", of: ScoreVisibility.self) {
            visibility.publicScores = scores == .public
        }
        visibility.cutRate = try table.number("cut_rate", .unit) ?? visibility.cutRate
        visibility.cutFamily = try table.bool("cut_family") ?? visibility.cutFamily
        visibility.stigmaBelow = try table.number("stigma_below") ?? visibility.stigmaBelow
        try table.finish()
    }

    // MARK: Shared checks

    /// The characters a name may use.
    enum NameRule {
        /// Lowercase letters, digits and `_` (behaviours, sanctions, perks).
        case identifier
        /// Letters, digits, `_`, `+` and `-` (grades).
        case grade

        func allows(_ character: Character) -> Bool {
            guard character.isASCII else { return false }
            switch self {
            case .identifier: return character.isLowercase || character.isNumber || character == "_"
            case .grade: return character.isLetter || character.isNumber || "_+-".contains(character)
            }
        }

        var description: String {
            switch self {
            case .identifier: "lowercase letters, digits and _"
            case .grade: "letters, digits, _, + and -"
            }
        }
    }

    /// Checks that `name`, the `name` of `element`, follows `rule` and is not in `names` (name → key
    /// path of the element that has it), then adds it.
    static func checkName(_ name: String, in element: TableReader, rule: NameRule, names: inout [String: [String]])
        throws(ScenarioError)
    {
        guard !name.isEmpty, name.allSatisfy(rule.allows) else {
            throw element.error(
                .invalidValue, key: "name", "expected a name of \(rule.description), got \(TOMLFormat.string(name))")
        }
        if let other = names[name] {
            throw element.error(
                .invalidValue, key: "name",
                "duplicate name \(TOMLFormat.string(name)): \(TOMLFormat.keyPath(other)) has it already")
        }
        names[name] = element.path
    }

    /// Fails at the first element beyond `maximum`.
    static func checkCount(_ elements: [TableReader], maximum: Int, of what: String) throws(ScenarioError) {
        guard elements.count > maximum else { return }
        let extra = elements[maximum]
        throw extra.node.error(
            .invalidValue, at: extra.path, "too many \(what): at most \(maximum), got \(elements.count)")
    }

    /// Checks that `trigger` (all of whose keys have been read) has exactly one of `keys`.
    static func checkExactlyOne(of keys: [String], in trigger: TableReader) throws(ScenarioError) {
        try trigger.finish()
        let given = keys.filter(trigger.contains)
        guard given.count != 1 else { return }
        let choices = keys.joined(separator: ", ")
        if given.isEmpty {
            throw trigger.node.error(.missingKey, at: trigger.path, "expected exactly one of \(choices); got none")
        }
        throw trigger.node.error(
            .invalidValue, at: trigger.path,
            "expected exactly one of \(choices); got \(given.joined(separator: " and "))")
    }

    /// The `name` string an element was written with, if any.
    static func writtenName(of element: TableReader) -> String? {
        if case .string(let name) = element.node.entries?["name"]?.value { name } else { nil }
    }
}

extension NumberRange {
    /// (0, 1).
    static let openUnit = NumberRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false)
}
