/// The rules between keys that no single key's type and range can state, each attached to its
/// table in ScenarioKeys.swift and ScenarioKeys+Regime.swift.
///
/// Distribution tables and the legitimacy schedule check their own values as they are read (see
/// ``DistributionKind`` and ``ValueCodec/schedule``); names are checked by
/// ``ElementTable/Check/names(_:)``.
extension ScenarioKeys {
    // MARK: The top level

    static let onlyFilesExtend = KeyCheck<Scenario>("`extends` is written only in a scenario file", at: .start) {
        table, _ throws(ScenarioError) in
        if table.contains("extends") {
            throw table.error(.invalidValue, key: "extends", "only a scenario file can extend another scenario")
        }
    }

    static let dissentIsReserved = ElementTable<Scenario, Behaviour>.Check(
        "`name` is not \"dissent\", which names public dissent", at: .after("name")
    ) { table, behaviour, _ throws(ScenarioError) in
        guard behaviour.name != "dissent" else {
            throw table.error(
                .invalidValue, key: "name", "\"dissent\" is reserved for public dissent; choose another name")
        }
    }

    // MARK: Trips

    static let ratesFitATick = KeyCheck<Trips>("`flight_rate` + `rail_rate` ≤ 1: at most one trip a tick", at: .end) {
        table, trips throws(ScenarioError) in
        guard trips.flightRate + trips.railRate <= 1 else {
            throw table.error(
                .outOfRange, key: "rail_rate",
                "expected a number <= 1 - flight_rate (\(TOMLFormat.number(1 - trips.flightRate))), got "
                    + TOMLFormat.number(trips.railRate))
        }
    }

    // MARK: Surveillance

    static let coverageOrCameras = KeyCheck<Surveillance.Channel>(
        "`coverage` or `cameras_per_capita`, not both (cameras_per_capita derives the coverage)", at: .end
    ) { table, _ throws(ScenarioError) in
        guard let coverage = table.written("coverage"), let cameras = table.written("cameras_per_capita") else {
            return
        }
        let coverageFirst =
            coverage.writeOrder(at: table.path + ["coverage"])
            <= cameras.writeOrder(at: table.path + ["cameras_per_capita"])
        let (later, earlier) = coverageFirst ? ("cameras_per_capita", "coverage") : ("coverage", "cameras_per_capita")
        throw table.error(
            .invalidValue, key: later,
            "cannot be given together with \(earlier) (cameras_per_capita derives the coverage); give one or the other")
    }

    // MARK: Score

    /// The most grid steps a score range may have (2^22).
    static let maximumScoreSteps = 4_194_304

    static let maxAboveMin = KeyCheck<ScoreRules>("`max` > `min`", at: .end) { table, score throws(ScenarioError) in
        guard score.max > score.min else {
            throw table.error(
                .outOfRange, key: "max",
                "expected a number > min (\(TOMLFormat.number(score.min))), got \(TOMLFormat.number(score.max))")
        }
    }

    static let initialWithinRange = KeyCheck<ScoreRules>("`initial` in [`min`, `max`]", at: .end) {
        table, score throws(ScenarioError) in
        guard (score.min...score.max).contains(score.initial) else {
            let (min, max) = (TOMLFormat.number(score.min), TOMLFormat.number(score.max))
            throw table.error(
                .outOfRange, key: "initial",
                "expected a number in [min, max] = [\(min), \(max)], got \(TOMLFormat.number(score.initial))")
        }
    }

    static let resolutionFineEnough = KeyCheck<ScoreRules>(
        "`resolution` ≥ (`max` − `min`) / \(maximumScoreSteps): at most 2^22 grid steps", at: .end
    ) { table, score throws(ScenarioError) in
        let finest = (score.max - score.min) / Double(maximumScoreSteps)
        guard score.resolution >= finest else {
            throw table.error(
                .outOfRange, key: "resolution",
                "expected a number >= (max - min) / \(maximumScoreSteps) = \(TOMLFormat.number(finest)), "
                    + "got \(TOMLFormat.number(score.resolution))")
        }
    }

    static let gradeWithinScoreRange = ElementTable<ScoreRules, Grade>.Check(
        "`min` in [`score.min`, `score.max`]", at: .after("min")
    ) { table, grade, scope throws(ScenarioError) in
        let range = NumberRange(lower: scope.parent.min, upper: scope.parent.max)
        guard range.contains(grade.minimum) else {
            throw table.error(.outOfRange, key: "min", "expected \(range), got \(TOMLFormat.number(grade.minimum))")
        }
    }

    static let gradesIncrease = ElementTable<ScoreRules, Grade>.Check(
        "`min` above the previous grade's", at: .after("min")
    ) { table, grade, scope throws(ScenarioError) in
        guard let previous = scope.earlier.last, grade.minimum <= previous.minimum else { return }
        throw table.error(
            .outOfRange, key: "min",
            "expected a number > \(TOMLFormat.number(previous.minimum)) (grade mins must increase; "
                + "the previous grade \(TOMLFormat.string(previous.name)) starts there), "
                + "got \(TOMLFormat.number(grade.minimum))")
    }

    // MARK: Sanctions

    static let recordNamesAnAct = ElementTable<Scenario, Sanction>.Check(
        "`trigger.record` names \"dissent\" or a behaviour of the scenario", at: .after("trigger")
    ) { table, sanction, scope throws(ScenarioError) in
        guard case .record(let record) = sanction.trigger else { return }
        let acts = ["dissent"] + scope.parent.behaviours.map(\.name)
        guard !acts.contains(record) else { return }
        var message =
            "expected \"dissent\" or the name of a behaviour of this scenario, got \(TOMLFormat.string(record))"
        if let suggestion = TableReader.suggestion(for: record, among: acts) {
            message += "; did you mean '\(suggestion)'?"
        }
        throw table.error(.invalidValue, at: ["trigger", "record"], message)
    }

    static let listedNamesAnEarlierList = ElementTable<Scenario, Sanction>.Check(
        "`trigger.listed` names an earlier sanction", at: .after("trigger")
    ) { table, sanction, scope throws(ScenarioError) in
        guard case .listed(let listed) = sanction.trigger, scope.names[listed] == nil else { return }
        let message: String
        if listed == sanction.name {
            message = "a sanction cannot be triggered by its own list"
        } else if let later = scope.elements.first(where: { writtenName(of: $0) == listed }) {
            message =
                "expected the name of an earlier sanction, got \(TOMLFormat.string(listed)), "
                + "which is \(TOMLFormat.keyPath(later.path)); list it before this one"
        } else {
            var text = "expected the name of an earlier sanction, got \(TOMLFormat.string(listed))"
            if let suggestion = TableReader.suggestion(for: listed, among: scope.earlier.map(\.name)) {
                text += "; did you mean '\(suggestion)'?"
            }
            message = text
        }
        throw table.error(.invalidValue, at: ["trigger", "listed"], message)
    }

    static let initialShareNotForFollowers = ElementTable<Scenario, Sanction>.Check(
        "`initial_share` is not for a list triggered by another list", at: .after("initial_share")
    ) { table, sanction, _ throws(ScenarioError) in
        guard sanction.initialShare > 0, case .listed = sanction.trigger, table.contains("initial_share") else {
            return
        }
        throw table.error(
            .invalidValue, key: "initial_share",
            "a list triggered by another list starts with that list's members; set initial_share there")
    }

    static let initialPointsNeedAShare = ElementTable<Scenario, Sanction>.Check(
        "`initial_points` needs `initial_share` > 0", at: .after("initial_points")
    ) { table, sanction, _ throws(ScenarioError) in
        guard sanction.initialPoints != 0, sanction.initialShare == 0, table.contains("initial_points") else { return }
        throw table.error(
            .invalidValue, key: "initial_points",
            "initial_points applies to the initially listed; set initial_share > 0 too")
    }

    /// The `name` string an element was written with, if any.
    private static func writtenName(of element: TableReader) -> String? {
        if case .string(let name) = element.written("name")?.value { name } else { nil }
    }
}
