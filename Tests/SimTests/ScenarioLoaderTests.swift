import Agents
import Foundation
import Testing

@testable import Sim

/// Reading valid scenario files: every key, defaults, names, resolved TOML and the key locator.
@Suite struct ScenarioLoaderTests {
    @Test func emptyFileGivesTheTypesDefaults() throws {
        let loaded = try loader.load(tomlText: "# nothing\n", path: "some/where/quiet.toml")
        #expect(loaded.scenario == Scenario(name: "quiet"))
        #expect(loaded.sourcePath == "some/where/quiet.toml")
    }

    @Test func everyKeyParsesIntoItsField() throws {
        let folder = try ScenarioFolder()
        let path = try folder.write(
            "full.toml",
            """
            name = "full"
            description = "every key"
            seed = 42
            ticks = 1_000

            [population]
            size = 1_000_000
            file = "data/people.csv"

            [traits.hardship]
            distribution = "uniform"
            min = 0.1
            max = 0.9
            [traits.risk_aversion]
            distribution = "normal"
            mean = 0.5
            sd = 0.1
            [traits]
            threshold = { distribution = "lognormal", mu = -1, sigma = 0.5 }
            conformity = { distribution = "gamma", shape = 2, scale = 0.25 }
            ambition = { distribution = "constant", value = 0.3 }
            means = { distribution = "discrete", values = [0.5, 1, 2], weights = [1, 2, 1] }

            [graph]
            model = "scale-free"
            mean_degree = 6
            rewire = 0.25
            file = "../edges.csv"

            [graph.households]
            enabled = false
            size = { distribution = "constant", value = 3 }

            [legitimacy]
            value = 0.4
            schedule = [
                [0, 0.8],   # start
                [50, 0.2],
            ]

            [dissent]
            deterrence = 1.5
            severity = 2

            [surveillance.dissent]
            coverage = 0.75

            [score]
            initial = 800
            min = 350
            max = 950
            resolution = 0.5
            recovery = 1.25

            [score.points]
            dissent = -80

            [detention]
            probability = 0.3
            ticks = { distribution = "uniform", min = 5, max = 15 }
            """)
        let scenario = try loader.load(path: path).scenario
        let parent = (folder.path as NSString).deletingLastPathComponent
        let expected = Scenario(
            name: "full", description: "every key", seed: 42, ticks: 1000,
            population: PopulationSpec(
                size: 1_000_000, file: URL(fileURLWithPath: folder.path + "/data/people.csv").standardizedFileURL.path,
                traits: [
                    .hardship: .uniform(min: 0.1, max: 0.9),
                    .riskAversion: .normal(mean: 0.5, sd: 0.1),
                    .threshold: .lognormal(mu: -1, sigma: 0.5),
                    .conformity: .gamma(shape: 2, scale: 0.25),
                    .ambition: .constant(value: 0.3),
                    .means: .discrete(values: [0.5, 1, 2], weights: [1, 2, 1]),
                ]),
            graph: GraphSpec(
                model: .scaleFree, meanDegree: 6, rewire: 0.25,
                file: URL(fileURLWithPath: parent + "/edges.csv").standardizedFileURL.path,
                households: GraphSpec.Households(enabled: false, size: .constant(value: 3))),
            legitimacy: LegitimacySchedule(
                value: 0.4, schedule: [.init(tick: 0, value: 0.8), .init(tick: 50, value: 0.2)]),
            dissent: DissentParameters(deterrence: 1.5, severity: 2),
            regime: Regime(
                surveillance: Surveillance(channels: [.dissent: .init(coverage: 0.75)]),
                score: ScoreRules(
                    initial: 800, min: 350, max: 950, resolution: 0.5, recovery: 1.25, points: .init(dissent: -80)),
                detention: DetentionRules(probability: 0.3, ticks: .uniform(min: 5, max: 15))))
        #expect(scenario == expected)
        #expect(scenario.population.file?.hasPrefix("/") == true)
    }

    @Test func nameDefaultsToTheFileName() throws {
        #expect(try loader.load(tomlText: "", path: "scenarios/nosedive.toml").scenario.name == "nosedive")
        #expect(try loader.load(tomlText: "name = \"other\"", path: "a.toml").scenario.name == "other")
    }

    @Test func partialDistributionTableAdjustsTheDefault() throws {
        let scenario = try load("[traits.hardship]\nalpha = 4\n")
        #expect(scenario.population.traits[.hardship] == .beta(alpha: 4, beta: 5))
    }

    @Test func resolvedTOMLLoadsBackToTheSameScenario() throws {
        let folder = try ScenarioFolder()
        try folder.write(
            "parent.toml",
            """
            description = "quote \\" and tab\\t"
            [population]
            file = "pop.csv"
            [legitimacy]
            schedule = [[0, 0.7], [12.5, 0.1]]
            [traits]
            means = { distribution = "discrete", values = [0.3, 1, 3.5], weights = [0.2, 0.5, 0.3] }
            """)
        let child = try folder.write(
            "child.toml", "extends = \"parent\"\nseed = 123456789\n[score]\nresolution = 0.1\n")
        let loaded = try loader.load(path: child, overrides: ["graph.rewire=0.3", "population.size=2_000"])
        let elsewhere = try ScenarioFolder()
        let again = try loader.load(tomlText: loaded.resolvedTOML, path: elsewhere.path + "/resolved.toml")
        #expect(again.scenario == loaded.scenario)
        #expect(again.resolvedTOML == loaded.resolvedTOML)
        #expect(!loaded.resolvedTOML.contains("extends"))

        let defaults = try loader.load(tomlText: "", path: "plain.toml")
        #expect(try loader.load(tomlText: defaults.resolvedTOML, path: "other.toml").scenario == defaults.scenario)
    }

    @Test func resolvedTOMLListsSectionsInModelOrder() throws {
        let text = try loader.load(tomlText: "", path: "plain.toml").resolvedTOML
        let headers = text.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(
            headers == [
                "[traits]", "[graph]", "[graph.households]", "[legitimacy]", "[dissent]", "[conduct]",
            ] + Array(repeating: "[[behaviours]]", count: Behaviour.defaults.count) + [
                "[trips]", "[score]", "[score.association]", "[score.points]", "[detention]", "[policing]",
                "[peer_rating]",
                "[visibility]",
            ])
        #expect(text.hasPrefix("name = \"plain\"\n"))
        #expect(text.contains("hardship = { distribution = \"beta\", alpha = 2, beta = 5 }"))
    }

    @Test func keyLocatorFindsKeysAcrossTOMLForms() {
        let locator = TOMLKeyLocator(
            text: """
                title = "a # not a comment"
                notes = \"\"\"
                [fake]
                key = 1
                \"\"\"
                [graph]   # comment
                households = { enabled = true, size = { distribution = "constant", value = 3 } }
                "quoted.key" = 1
                dotted.inner = 2
                list = [
                  [1, 2],
                  { x = 1 },
                ]
                after = 3
                [[runs]]
                seed = 4
                """)
        #expect(locator.line(of: ["title"]) == 1)
        #expect(locator.line(of: ["fake"]) == nil)
        #expect(locator.line(of: ["graph"]) == 6)
        #expect(locator.line(of: ["graph", "households", "size", "value"]) == 7)
        #expect(locator.line(of: ["graph", "quoted.key"]) == 8)
        #expect(locator.line(of: ["graph", "dotted", "inner"]) == 9)
        #expect(locator.line(of: ["graph", "list"]) == 10)
        #expect(locator.line(of: ["graph", "list", "[1]"]) == 12)
        #expect(locator.line(of: ["graph", "list", "[1]", "x"]) == 12)
        #expect(locator.line(of: ["graph", "list", "[0]", "[1]"]) == 11)
        #expect(locator.line(of: ["graph", "after"]) == 14)
        #expect(locator.line(of: ["graph", "missing"]) == 6)
        #expect(locator.line(of: ["runs"]) == 15)
        #expect(locator.line(of: ["runs", "[0]", "seed"]) == 16)
    }
}
