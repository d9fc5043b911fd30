import Agents

/// The distributions a scenario file can name, with their parameter keys; reads and writes
/// distribution tables (`{ distribution = "beta", alpha = 2, beta = 5 }`).
///
/// A table naming `distribution` is the whole distribution; one without adjusts the parameters of
/// the distribution it replaces. Its rules: only the named distribution's parameters, each in its
/// range, `uniform`'s max above its min, and `discrete`'s values and weights of one length with a
/// positive sum.
enum DistributionKind: String, CaseIterable {
    case constant, uniform, beta, normal, lognormal, gamma, discrete

    init(_ distribution: Distribution) {
        self = DistributionKind(rawValue: distribution.name) ?? .constant
    }

    /// The parameter keys, in the order they are read and written.
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

    /// Reads the distribution table at `key` of `parent`; nil when it was not written. With a
    /// `distribution` key the table is the whole distribution; without one, its parameters adjust
    /// `base`.
    static func read(_ parent: inout TableReader, _ key: String, base: Distribution) throws(ScenarioError)
        -> Distribution?
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

        switch kind {
        case .constant:
            return .constant(value: try number("value"))
        case .uniform:
            let min = try number("min")
            let max = try number("max", NumberRange(lower: min, lowerInclusive: false))
            return .uniform(min: min, max: max)
        case .beta:
            return .beta(alpha: try number("alpha", .positive), beta: try number("beta", .positive))
        case .normal:
            return .normal(mean: try number("mean"), sd: try number("sd", .nonNegative))
        case .lognormal:
            return .lognormal(mu: try number("mu"), sigma: try number("sigma", .nonNegative))
        case .gamma:
            return .gamma(shape: try number("shape", .positive), scale: try number("scale", .positive))
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
            return .discrete(values: values, weights: weights)
        }
    }

    /// A distribution as an inline table: `{ distribution = "beta", alpha = 2, beta = 5 }`.
    static func inlineTable(_ distribution: Distribution) -> String {
        let values: [String] =
            switch distribution {
            case .constant(let value): [TOMLFormat.number(value)]
            case .uniform(let min, let max): [TOMLFormat.number(min), TOMLFormat.number(max)]
            case .beta(let alpha, let beta): [TOMLFormat.number(alpha), TOMLFormat.number(beta)]
            case .normal(let mean, let sd): [TOMLFormat.number(mean), TOMLFormat.number(sd)]
            case .lognormal(let mu, let sigma): [TOMLFormat.number(mu), TOMLFormat.number(sigma)]
            case .gamma(let shape, let scale): [TOMLFormat.number(shape), TOMLFormat.number(scale)]
            case .discrete(let values, let weights): [TOMLFormat.numbers(values), TOMLFormat.numbers(weights)]
            }
        let entries = zip(DistributionKind(distribution).parameters, values).map { "\($0) = \($1)" }
        return TOMLFormat.inlineTable(["distribution = \(TOMLFormat.string(distribution.name))"] + entries)
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
