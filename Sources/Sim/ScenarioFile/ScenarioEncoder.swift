import Agents

/// Writes a ``Scenario`` as a complete scenario file: every key, in the order a reader meets the
/// model, so that loading the text gives the same scenario.
///
/// Two exceptions keep it readable: surveillance channels equal to the default `Channel()` are left
/// out, and empty lists whose default is empty (sanctions, perks, grades) are not written. An empty
/// behaviour list is written `behaviours = []` among the top-level keys, since TOML allows no
/// top-level key after the first table header.
enum ScenarioEncoder {
    static func toml(_ scenario: Scenario) -> String {
        var lines: [String] = []
        func section(_ header: String?, _ entries: [(String, String?)], array: Bool = false) {
            let present = entries.compactMap { key, value in value.map { "\(key) = \($0)" } }
            guard !present.isEmpty else { return }
            if let header {
                if !lines.isEmpty { lines.append("") }
                lines.append(array ? "[[\(header)]]" : "[\(header)]")
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
                ("represents", scenario.represents.map { String($0) }),
                ("behaviours", scenario.behaviours.isEmpty ? "[]" : nil),
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
        section(
            "conduct",
            [
                ("social_influence", TOMLFormat.number(scenario.conduct.socialInfluence)),
                ("incentive", TOMLFormat.number(scenario.conduct.incentive)),
                ("points_scale", TOMLFormat.number(scenario.conduct.pointsScale)),
            ])
        for behaviour in scenario.behaviours {
            let drivers = Trait.allCases.compactMap { trait in
                behaviour.drivers[trait].map { "\(trait.rawValue) = \(TOMLFormat.number($0))" }
            }
            section(
                "behaviours",
                [
                    ("name", TOMLFormat.string(behaviour.name)),
                    ("kind", TOMLFormat.string(behaviour.kind.rawValue)),
                    ("rate", TOMLFormat.number(behaviour.rate)),
                    ("points", TOMLFormat.number(behaviour.points)),
                    ("channel", TOMLFormat.string(behaviour.channel.rawValue)),
                    ("drivers", inlineTable(drivers)),
                    ("condition", TOMLFormat.string(behaviour.condition.rawValue)),
                ], array: true)
        }
        for name in Surveillance.ChannelName.allCases where regime.surveillance[name] != Surveillance.Channel() {
            let channel = regime.surveillance[name]
            section(
                "surveillance.\(name.rawValue)",
                [
                    ("coverage", channel.camerasPerCapita == nil ? TOMLFormat.number(channel.coverage) : nil),
                    ("cameras_per_capita", channel.camerasPerCapita.map(TOMLFormat.number)),
                    ("recognition_accuracy", TOMLFormat.number(channel.recognitionAccuracy)),
                    ("view_factor", TOMLFormat.number(channel.viewFactor)),
                    ("misidentification", TOMLFormat.number(channel.misidentification)),
                ])
        }
        let score = regime.score
        section(
            "score",
            [
                ("initial", TOMLFormat.number(score.initial)),
                ("min", TOMLFormat.number(score.min)),
                ("max", TOMLFormat.number(score.max)),
                ("resolution", TOMLFormat.number(score.resolution)),
                ("recovery", TOMLFormat.number(score.recovery)),
                ("listed_stake", TOMLFormat.number(score.listedStake)),
            ])
        section(
            "score.association",
            [
                ("pull", TOMLFormat.number(score.association.pull)),
                ("family_weight", TOMLFormat.number(score.association.familyWeight)),
                ("listed_tie_penalty", TOMLFormat.number(score.association.listedTiePenalty)),
            ])
        for grade in score.grades {
            section(
                "score.grades",
                [("name", TOMLFormat.string(grade.name)), ("min", TOMLFormat.number(grade.minimum))], array: true)
        }
        section("score.points", [("dissent", TOMLFormat.number(score.points.dissent))])
        section(
            "detention",
            [
                ("probability", TOMLFormat.number(regime.detention.probability)),
                ("ticks", inlineTable(regime.detention.ticks)),
            ])
        for sanction in regime.sanctions {
            let trigger =
                switch sanction.trigger {
                case .scoreBelow(let value): "score_below = \(TOMLFormat.number(value))"
                case .record(let act): "record = \(TOMLFormat.string(act))"
                case .listed(let list): "listed = \(TOMLFormat.string(list))"
                }
            section(
                "sanctions",
                [
                    ("name", TOMLFormat.string(sanction.name)),
                    ("trigger", inlineTable([trigger])),
                    ("duration", sanction.duration.map { String($0) } ?? TOMLFormat.string("permanent")),
                    ("lift_above", sanction.liftAbove.map(TOMLFormat.number)),
                    ("effects", strings(sanction.effects.map(\.rawValue))),
                    ("means_factor", TOMLFormat.number(sanction.meansFactor)),
                    ("initial_share", sanction.initialShare > 0 ? TOMLFormat.number(sanction.initialShare) : nil),
                    ("initial_points", sanction.initialPoints != 0 ? TOMLFormat.number(sanction.initialPoints) : nil),
                ], array: true)
        }
        for perk in regime.perks {
            let trigger =
                switch perk.trigger {
                case .scoreAbove(let value): "score_above = \(TOMLFormat.number(value))"
                case .topShare(let share): "top_share = \(TOMLFormat.number(share))"
                }
            section(
                "perks",
                [
                    ("name", TOMLFormat.string(perk.name)),
                    ("trigger", inlineTable([trigger])),
                    ("effects", strings(perk.effects.map(\.rawValue))),
                    ("dating_rate", TOMLFormat.number(perk.datingRate)),
                    ("means_bonus", TOMLFormat.number(perk.meansBonus)),
                ], array: true)
        }
        let rating = regime.peerRating
        section(
            "peer_rating",
            [
                ("enabled", String(rating.enabled)),
                ("ratings_per_tick", TOMLFormat.number(rating.ratingsPerTick)),
                ("responsiveness", TOMLFormat.number(rating.responsiveness)),
                ("inflation", TOMLFormat.number(rating.inflation)),
                ("fake_nice", TOMLFormat.number(rating.fakeNice)),
                ("stigma", TOMLFormat.number(rating.stigma)),
                ("rater_weight", TOMLFormat.number(rating.raterWeight)),
            ])
        let visibility = regime.visibility
        section(
            "visibility",
            [
                ("scores", TOMLFormat.string(visibility.publicScores ? "public" : "private")),
                ("cut_rate", TOMLFormat.number(visibility.cutRate)),
                ("cut_family", String(visibility.cutFamily)),
                ("stigma_below", visibility.stigmaBelow.map(TOMLFormat.number)),
            ])
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{ a = 1, b = 2 }` from written entries; `{}` for none.
    static func inlineTable(_ entries: [String]) -> String {
        entries.isEmpty ? "{}" : "{ " + entries.joined(separator: ", ") + " }"
    }

    /// An array of strings on one line.
    static func strings(_ values: [String]) -> String {
        "[" + values.map(TOMLFormat.string).joined(separator: ", ") + "]"
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
