import Agents

/// Turns a merged scenario tree into a ``Scenario``, validating every key.
///
/// Keys that are absent keep the defaults of the Swift types' initialisers.
struct ScenarioDecoder {
    /// The name used when the tree gives none.
    var defaultName: String

    func decode(_ root: ScenarioNode) throws(ScenarioError) -> Scenario {
        var top = try TableReader(root, path: [])
        if top.contains("extends") {
            throw top.error(.invalidValue, key: "extends", "only a scenario file can extend another scenario")
        }
        var scenario = Scenario(name: defaultName)
        scenario.name = try top.string("name") ?? scenario.name
        scenario.description = try top.string("description") ?? scenario.description
        if let seed = try top.integer("seed", atLeast: 0) { scenario.seed = UInt64(seed) }
        scenario.ticks = try top.integer("ticks", atLeast: 1) ?? scenario.ticks
        scenario.represents = try top.integer("represents", atLeast: 1) ?? scenario.represents
        if var table = try top.table("population") { try decode(&table, into: &scenario.population) }
        if var table = try top.table("traits") { try decodeTraits(&table, into: &scenario.population.traits) }
        if var table = try top.table("graph") { try decode(&table, into: &scenario.graph) }
        if var table = try top.table("legitimacy") { try decode(&table, into: &scenario.legitimacy) }
        if var table = try top.table("dissent") { try decode(&table, into: &scenario.dissent) }
        if var table = try top.table("conduct") { try decode(&table, into: &scenario.conduct) }
        if let elements = try top.tables("behaviours") { scenario.behaviours = try decodeBehaviours(elements) }
        var regime = scenario.regime
        if var table = try top.table("surveillance") { try decode(&table, into: &regime.surveillance) }
        if var table = try top.table("score") { try decode(&table, into: &regime.score) }
        if var table = try top.table("detention") { try decode(&table, into: &regime.detention) }
        if let elements = try top.tables("sanctions") {
            regime.sanctions = try decodeSanctions(elements, behaviours: scenario.behaviours)
        }
        if let elements = try top.tables("perks") { regime.perks = try decodePerks(elements) }
        if var table = try top.table("peer_rating") { try decode(&table, into: &regime.peerRating) }
        if var table = try top.table("visibility") { try decode(&table, into: &regime.visibility) }
        scenario.regime = regime
        try top.finish()
        return scenario
    }

    private func decode(_ table: inout TableReader, into population: inout PopulationSpec) throws(ScenarioError) {
        population.size = try table.integer("size", atLeast: 1) ?? population.size
        population.file = try table.filePath("file") ?? population.file
        try table.finish()
    }

    private func decodeTraits(_ table: inout TableReader, into traits: inout [Trait: Distribution])
        throws(ScenarioError)
    {
        for trait in Trait.allCases {
            let base = traits[trait] ?? PopulationSpec.defaultTraits[trait] ?? .constant(value: 0)
            traits[trait] = try Self.distribution(&table, trait.rawValue, base: base) ?? traits[trait]
        }
        try table.finish()
    }

    private func decode(_ table: inout TableReader, into graph: inout GraphSpec) throws(ScenarioError) {
        graph.model = try table.choice("model") ?? graph.model
        graph.meanDegree = try table.number("mean_degree", .nonNegative) ?? graph.meanDegree
        graph.rewire = try table.number("rewire", .unit) ?? graph.rewire
        graph.file = try table.filePath("file") ?? graph.file
        if var households = try table.table("households") {
            graph.households.enabled = try households.bool("enabled") ?? graph.households.enabled
            graph.households.size =
                try Self.distribution(&households, "size", base: graph.households.size) ?? graph.households.size
            try households.finish()
        }
        try table.finish()
    }

    private func decode(_ table: inout TableReader, into legitimacy: inout LegitimacySchedule) throws(ScenarioError) {
        legitimacy.value = try table.number("value", .unit) ?? legitimacy.value
        if let node = table.node("schedule") {
            let path = table.path + ["schedule"]
            var points: [LegitimacySchedule.Point] = []
            for (index, element) in try TableReader.array(node, at: path).enumerated() {
                let elementPath = path + ["[\(index)]"]
                let pair = try TableReader.array(element, at: elementPath)
                guard pair.count == 2 else {
                    throw element.error(
                        .invalidValue, at: elementPath, "expected a [tick, value] pair, got \(pair.count) elements")
                }
                let after = points.last.map { NumberRange(lower: $0.tick, lowerInclusive: false) }
                let tick = try TableReader.number(pair[0], at: elementPath + ["[0]"], after ?? .nonNegative)
                let value = try TableReader.number(pair[1], at: elementPath + ["[1]"], .unit)
                points.append(LegitimacySchedule.Point(tick: tick, value: value))
            }
            legitimacy.schedule = points
        }
        try table.finish()
    }

    private func decode(_ table: inout TableReader, into dissent: inout DissentParameters) throws(ScenarioError) {
        dissent.deterrence = try table.number("deterrence", .nonNegative) ?? dissent.deterrence
        dissent.severity = try table.number("severity", .nonNegative) ?? dissent.severity
        try table.finish()
    }

    private func decode(_ table: inout TableReader, into score: inout ScoreRules) throws(ScenarioError) {
        score.initial = try table.number("initial") ?? score.initial
        score.min = try table.number("min", .nonNegative) ?? score.min
        score.max = try table.number("max") ?? score.max
        score.resolution = try table.number("resolution", .positive) ?? score.resolution
        score.recovery = try table.number("recovery", .nonNegative) ?? score.recovery
        score.listedStake = try table.number("listed_stake", .unit) ?? score.listedStake
        if var association = try table.table("association") { try decode(&association, into: &score.association) }
        if var points = try table.table("points") {
            score.points.dissent = try points.number("dissent") ?? score.points.dissent
            try points.finish()
        }
        let grades = try table.tables("grades")
        try table.finish()
        let (min, max) = (TOMLFormat.number(score.min), TOMLFormat.number(score.max))
        guard score.max > score.min else {
            throw table.error(.outOfRange, key: "max", "expected a number > min (\(min)), got \(max)")
        }
        guard (score.min...score.max).contains(score.initial) else {
            throw table.error(
                .outOfRange, key: "initial",
                "expected a number in [min, max] = [\(min), \(max)], got \(TOMLFormat.number(score.initial))")
        }
        let finest = (score.max - score.min) / Double(Self.maxScoreSteps)
        guard score.resolution >= finest else {
            throw table.error(
                .outOfRange, key: "resolution",
                "expected a number >= (max - min) / \(Self.maxScoreSteps) = \(TOMLFormat.number(finest)), "
                    + "got \(TOMLFormat.number(score.resolution))")
        }
        if let grades { score.grades = try decodeGrades(grades, min: score.min, max: score.max) }
    }

    private func decode(_ table: inout TableReader, into detention: inout DetentionRules) throws(ScenarioError) {
        detention.probability = try table.number("probability", .unit) ?? detention.probability
        detention.ticks = try Self.distribution(&table, "ticks", base: detention.ticks) ?? detention.ticks
        try table.finish()
    }

    /// The most grid steps a score range may have (2^22).
    static let maxScoreSteps = 4_194_304

    /// Reads the distribution table at `key` of `parent`. With a `distribution` key the table is
    /// the whole distribution; without one, its parameters adjust `base`.
    static func distribution(_ parent: inout TableReader, _ key: String, base: Distribution)
        throws(ScenarioError) -> Distribution?
    {
        guard var table = try parent.table(key) else { return nil }
        let named = try table.choice("distribution", of: DistributionKind.self)
        let kind = named ?? DistributionKind(base)
        let inherited = named == nil ? base : nil
        table.allow(kind.parameters)
        try table.finish(context: "for a \(kind.rawValue) distribution")

        func number(_ name: String, _ range: NumberRange = .any) throws(ScenarioError) -> Double {
            if let value = try table.number(name, range) { return value }
            if let value = inherited?.parameter(name) { return value }
            throw table.error(.missingKey, key: name, "missing; \(kind.requirement)")
        }
        func numbers(_ name: String, _ range: NumberRange = .any) throws(ScenarioError) -> [Double] {
            if let values = try table.numbers(name, range) { return values }
            if let values = inherited?.arrayParameter(name) { return values }
            throw table.error(.missingKey, key: name, "missing; \(kind.requirement)")
        }

        let distribution: Distribution
        switch kind {
        case .constant:
            distribution = .constant(value: try number("value"))
        case .uniform:
            let min = try number("min")
            let max = try number("max", NumberRange(lower: min, lowerInclusive: false))
            distribution = .uniform(min: min, max: max)
        case .beta:
            distribution = .beta(alpha: try number("alpha", .positive), beta: try number("beta", .positive))
        case .normal:
            distribution = .normal(mean: try number("mean"), sd: try number("sd", .nonNegative))
        case .lognormal:
            distribution = .lognormal(mu: try number("mu"), sigma: try number("sigma", .nonNegative))
        case .gamma:
            distribution = .gamma(shape: try number("shape", .positive), scale: try number("scale", .positive))
        case .discrete:
            let values = try numbers("values")
            let weights = try numbers("weights", .nonNegative)
            guard !values.isEmpty else {
                throw table.error(.invalidValue, key: "values", "expected at least one value")
            }
            guard weights.count == values.count else {
                throw table.error(
                    .invalidValue, key: "weights",
                    "expected \(values.count) weights (one per value), got \(weights.count)")
            }
            guard weights.reduce(0, +) > 0 else {
                throw table.error(.outOfRange, key: "weights", "expected weights with a positive sum")
            }
            distribution = .discrete(values: values, weights: weights)
        }
        return distribution
    }

    /// The distributions a scenario file can name, with their parameter keys.
    enum DistributionKind: String, CaseIterable {
        case constant, uniform, beta, normal, lognormal, gamma, discrete

        init(_ distribution: Distribution) {
            self = DistributionKind(rawValue: distribution.name) ?? .constant
        }

        var parameters: [String] {
            switch self {
            case .constant: ["value"]
            case .uniform: ["min", "max"]
            case .beta: ["alpha", "beta"]
            case .normal: ["mean", "sd"]
            case .lognormal: ["mu", "sigma"]
            case .gamma: ["shape", "scale"]
            case .discrete: ["values", "weights"]
            }
        }

        /// "a beta distribution needs alpha and beta".
        var requirement: String {
            "a \(rawValue) distribution needs \(parameters.joined(separator: " and "))"
        }
    }
}

extension Distribution {
    /// The numeric parameter the scenario file calls `name`, if this distribution has it.
    fileprivate func parameter(_ name: String) -> Double? {
        switch (self, name) {
        case (.constant(let value), "value"): value
        case (.uniform(let min, _), "min"): min
        case (.uniform(_, let max), "max"): max
        case (.beta(let alpha, _), "alpha"): alpha
        case (.beta(_, let beta), "beta"): beta
        case (.normal(let mean, _), "mean"): mean
        case (.normal(_, let sd), "sd"): sd
        case (.lognormal(let mu, _), "mu"): mu
        case (.lognormal(_, let sigma), "sigma"): sigma
        case (.gamma(let shape, _), "shape"): shape
        case (.gamma(_, let scale), "scale"): scale
        default: nil
        }
    }

    /// The array parameter the scenario file calls `name`, if this distribution has it.
    fileprivate func arrayParameter(_ name: String) -> [Double]? {
        switch (self, name) {
        case (.discrete(let values, _), "values"): values
        case (.discrete(_, let weights), "weights"): weights
        default: nil
        }
    }
}
