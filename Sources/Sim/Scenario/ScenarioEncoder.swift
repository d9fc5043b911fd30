import Agents

/// Writes a ``Scenario`` as a complete scenario file: every key, in the order a reader meets the
/// model, so that loading the text gives the same scenario.
enum ScenarioEncoder {
    static func toml(_ scenario: Scenario) -> String {
        var lines: [String] = []
        func section(_ header: String?, _ entries: [(String, String?)]) {
            let present = entries.compactMap { key, value in value.map { "\(key) = \($0)" } }
            guard !present.isEmpty else { return }
            if let header {
                if !lines.isEmpty { lines.append("") }
                lines.append("[\(header)]")
            }
            lines += present
        }

        let population = scenario.population
        let graph = scenario.graph
        let legitimacy = scenario.legitimacy
        let regime = scenario.regime
        section(
            nil,
            [
                ("name", TOMLFormat.string(scenario.name)),
                ("description", TOMLFormat.string(scenario.description)),
                ("seed", String(scenario.seed)),
                ("ticks", String(scenario.ticks)),
            ])
        section(
            "population",
            [
                ("size", population.size.map { String($0) }),
                ("file", population.file.map(TOMLFormat.string)),
            ])
        section("traits", Trait.allCases.map { ($0.rawValue, population.traits[$0].map(inlineTable)) })
        section(
            "graph",
            [
                ("model", TOMLFormat.string(graph.model.rawValue)),
                ("mean_degree", TOMLFormat.number(graph.meanDegree)),
                ("rewire", TOMLFormat.number(graph.rewire)),
                ("file", graph.file.map(TOMLFormat.string)),
            ])
        section(
            "graph.households",
            [
                ("enabled", String(graph.households.enabled)),
                ("size", inlineTable(graph.households.size)),
            ])
        let schedule = legitimacy.schedule.map { TOMLFormat.numbers([$0.tick, $0.value]) }
        section(
            "legitimacy",
            [
                ("value", TOMLFormat.number(legitimacy.value)),
                ("schedule", "[" + schedule.joined(separator: ", ") + "]"),
            ])
        section(
            "dissent",
            [
                ("deterrence", TOMLFormat.number(scenario.dissent.deterrence)),
                ("severity", TOMLFormat.number(scenario.dissent.severity)),
            ])
        section("surveillance.dissent", [("coverage", TOMLFormat.number(regime.surveillance.dissent.coverage))])
        section(
            "score",
            [
                ("initial", TOMLFormat.number(regime.score.initial)),
                ("min", TOMLFormat.number(regime.score.min)),
                ("max", TOMLFormat.number(regime.score.max)),
                ("resolution", TOMLFormat.number(regime.score.resolution)),
                ("recovery", TOMLFormat.number(regime.score.recovery)),
            ])
        section("score.points", [("dissent", TOMLFormat.number(regime.score.points.dissent))])
        section(
            "detention",
            [
                ("probability", TOMLFormat.number(regime.detention.probability)),
                ("ticks", inlineTable(regime.detention.ticks)),
            ])
        return lines.joined(separator: "\n") + "\n"
    }

    /// A distribution as an inline table: `{ distribution = "beta", alpha = 2, beta = 5 }`.
    static func inlineTable(_ distribution: Distribution) -> String {
        let parameters: [(String, String)] =
            switch distribution {
            case .constant(let value): [("value", TOMLFormat.number(value))]
            case .uniform(let min, let max): [("min", TOMLFormat.number(min)), ("max", TOMLFormat.number(max))]
            case .beta(let alpha, let beta): [("alpha", TOMLFormat.number(alpha)), ("beta", TOMLFormat.number(beta))]
            case .normal(let mean, let sd): [("mean", TOMLFormat.number(mean)), ("sd", TOMLFormat.number(sd))]
            case .lognormal(let mu, let sigma): [("mu", TOMLFormat.number(mu)), ("sigma", TOMLFormat.number(sigma))]
            case .gamma(let shape, let scale):
                [("shape", TOMLFormat.number(shape)), ("scale", TOMLFormat.number(scale))]
            case .discrete(let values, let weights):
                [("values", TOMLFormat.numbers(values)), ("weights", TOMLFormat.numbers(weights))]
            }
        let entries = [("distribution", TOMLFormat.string(distribution.name))] + parameters
        return "{ " + entries.map { "\($0) = \($1)" }.joined(separator: ", ") + " }"
    }
}
