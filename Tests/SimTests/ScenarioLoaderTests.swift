import Agents
import Foundation
import Testing

@testable import Sim

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

    @Test func unknownKeyNamesLineAndSuggestsTheNearestKey() {
        let text = """
            seed = 3
            ticks = 10

            # social ties
            [graph]
            model = "random"
            mean_degre = 8
            """
        #expect(failure(text) == "x.toml:7: graph.mean_degre: unknown key; did you mean 'mean_degree'?")
        #expect(failure("sed = 3") == "x.toml:1: sed: unknown key; did you mean 'seed'?")
        #expect(
            failure("\n[graph.housholds]\nenabled = true")
                == "x.toml:2: graph.housholds: unknown key; did you mean 'households'?")
        #expect(failure("[score]\nmaxx = 1") == "x.toml:2: score.maxx: unknown key; did you mean 'max'?")
        let unrelated = failure("[dissent]\nzzzzzz = 1")
        #expect(unrelated == "x.toml:2: dissent.zzzzzz: unknown key; expected one of deterrence, severity")
    }

    @Test func wrongTypeQuotesTheValue() {
        #expect(
            failure("[dissent]\nseverity = \"abc\"")
                == "x.toml:2: dissent.severity: expected a number, got string \"abc\"")
        #expect(failure("ticks = 2.5") == "x.toml:1: ticks: expected an integer, got number 2.5")
        #expect(failure("graph = 3") == "x.toml:1: graph: expected a table, got integer 3")
        #expect(
            failure("[graph.households]\nenabled = 1")
                == "x.toml:2: graph.households.enabled: expected true or false, got integer 1")
        #expect(failure("name = 5") == "x.toml:1: name: expected a string, got integer 5")
    }

    @Test func outOfRangeStatesTheRange() {
        #expect(
            failure("[legitimacy]\nvalue = 1.5") == "x.toml:2: legitimacy.value: expected a number in [0, 1], got 1.5")
        #expect(failure("ticks = 0") == "x.toml:1: ticks: expected an integer >= 1, got 0")
        #expect(failure("seed = -1") == "x.toml:1: seed: expected an integer >= 0, got -1")
        #expect(
            failure("[dissent]\ndeterrence = -0.5") == "x.toml:2: dissent.deterrence: expected a number >= 0, got -0.5")
        #expect(failure("[graph]\nrewire = inf") == "x.toml:2: graph.rewire: expected a number in [0, 1], got inf")
    }

    @Test func badEnumValueListsTheChoices() {
        #expect(
            failure("[graph]\nmodel = \"ring\"")
                == "x.toml:2: graph.model: expected one of small-world, scale-free, random, edge-list, got \"ring\"")
    }

    @Test func syntaxErrorNamesItsLine() throws {
        let message = try #require(failure("seed = 1\n\nticks = = 3\n"))
        #expect(message.hasPrefix("x.toml:3: invalid TOML: "))
        #expect(!message.contains("\n"))
    }

    @Test func missingFileIsReported() throws {
        let folder = try ScenarioFolder()
        let path = folder.path + "/absent.toml"
        let error = #expect(throws: ScenarioError.self) { try loader.load(path: path) }
        #expect(error?.kind == .fileNotFound)
        #expect(error?.description == "\(path): no such scenario file")
    }

    @Test func scoreRulesAreCheckedTogether() {
        #expect(failure("[score]\nmin = 10\nmax = 5") == "x.toml:3: score.max: expected a number > min (10), got 5")
        #expect(
            failure("[score]\ninitial = 1200")
                == "x.toml:2: score.initial: expected a number in [min, max] = [0, 1000], got 1200")
        let finest = TOMLFormat.number(1000.0 / 4_194_304)
        #expect(
            failure("[score]\nresolution = 0.0001")
                == "x.toml:2: score.resolution: expected a number >= (max - min) / 4194304 = \(finest), got 0.0001")
        #expect(failure("[score]\nresolution = 0") == "x.toml:2: score.resolution: expected a number > 0, got 0")
    }

    @Test func distributionParametersAreValidated() {
        #expect(
            failure("[traits.hardship]\ndistribution = \"beta\"\nalpha = 0\nbeta = 2")
                == "x.toml:3: traits.hardship.alpha: expected a number > 0, got 0")
        #expect(
            failure("[traits.hardship]\ndistribution = \"beta\"\nalpha = 2\nbeta = 2\nsd = 1")
                == "x.toml:5: traits.hardship.sd: unknown key for a beta distribution; expected one of distribution, alpha, beta"
        )
        #expect(
            failure("[traits.hardship]\ndistribution = \"beta\"\nmean = 0.5")
                == "x.toml:3: traits.hardship.mean: unknown key for a beta distribution; expected one of distribution, alpha, beta"
        )
        #expect(
            failure("[traits.hardship]\ndistribution = \"beta\"\nalpha = 2")
                == "x.toml:1: traits.hardship.beta: missing; a beta distribution needs alpha and beta")
        #expect(
            failure("[traits]\nmeans = { distribution = \"uniform\", min = 2, max = 1 }")
                == "x.toml:2: traits.means.max: expected a number > 2, got 1")
        #expect(
            failure("[traits]\nmeans = { distribution = \"discrete\", values = [1, 2], weights = [1] }")
                == "x.toml:2: traits.means.weights: expected 2 weights (one per value), got 1")
        #expect(
            failure("[detention]\nticks = { distribution = \"discrete\", values = [1], weights = [-1] }")
                == "x.toml:2: detention.ticks.weights[0]: expected a number >= 0, got -1")
        #expect(
            failure("[traits.ambition]\ndistribution = \"pareto\"")
                == "x.toml:2: traits.ambition.distribution: expected one of constant, uniform, beta, normal, lognormal, gamma, discrete, got \"pareto\""
        )
        #expect(
            failure("[traits.fear]\ndistribution = \"beta\"")
                == "x.toml:1: traits.fear: unknown key; expected one of hardship, risk_aversion, threshold, conformity, ambition, means"
        )
    }

    @Test func legitimacyScheduleTicksMustIncrease() {
        let text = """
            [legitimacy]
            schedule = [
                [0, 0.9],
                [20, 0.5],
                [20, 0.1],
            ]
            """
        #expect(failure(text) == "x.toml:5: legitimacy.schedule[2][0]: expected a number > 20, got 20")
        #expect(
            failure("[legitimacy]\nschedule = [[0, 1.2]]")
                == "x.toml:2: legitimacy.schedule[0][1]: expected a number in [0, 1], got 1.2")
        #expect(
            failure("[legitimacy]\nschedule = [[0, 0.5, 1]]")
                == "x.toml:2: legitimacy.schedule[0]: expected a [tick, value] pair, got 3 elements")
    }

    @Test func extendsMergesWithTheChildWinning() throws {
        let folder = try ScenarioFolder()
        try folder.write(
            "parent.toml",
            """
            name = "parent"
            description = "from the parent"
            seed = 7
            ticks = 50
            [graph]
            mean_degree = 10
            [traits.hardship]
            distribution = "beta"
            alpha = 3
            beta = 3
            [traits.ambition]
            distribution = "beta"
            alpha = 1
            beta = 9
            """)
        let child = try folder.write(
            "child.toml",
            """
            extends = "parent"
            ticks = 80
            [graph]
            rewire = 0.2
            [traits.hardship]
            distribution = "uniform"
            min = 0
            max = 0.5
            [traits.ambition]
            alpha = 2
            """)
        let scenario = try loader.load(path: child).scenario
        #expect(scenario.name == "child")
        #expect(scenario.description == "from the parent")
        #expect(scenario.seed == 7)
        #expect(scenario.ticks == 80)
        #expect(scenario.graph.meanDegree == 10)
        #expect(scenario.graph.rewire == 0.2)
        #expect(scenario.population.traits[.hardship] == .uniform(min: 0, max: 0.5))
        #expect(scenario.population.traits[.ambition] == .beta(alpha: 2, beta: 9))
    }

    @Test func inheritedKeyErrorsNameTheParentFileAndLine() throws {
        let folder = try ScenarioFolder()
        let parent = try folder.write("base.toml", "seed = 1\n\n[dissent]\nseverty = 2\n")
        let child = try folder.write("child.toml", "extends = \"base.toml\"\nticks = 5\n")
        #expect(
            failure { () throws(ScenarioError) in _ = try loader.load(path: child) }
                == "\(parent):4: dissent.severty: unknown key; did you mean 'severity'?")
    }

    @Test func extendsCycleIsDetected() throws {
        let folder = try ScenarioFolder()
        let a = try folder.write("a.toml", "extends = \"b\"\n")
        let b = try folder.write("b.toml", "ticks = 3\nextends = \"a.toml\"\n")
        let error = #expect(throws: ScenarioError.self) { try loader.load(path: a) }
        #expect(error?.kind == .extendsCycle)
        #expect(error?.description == "\(b):2: extends: extends cycle: \(a) -> \(b) -> \(a)")
        let selfish = try folder.write("self.toml", "extends = \"self\"\n")
        #expect(
            failure { () throws(ScenarioError) in _ = try loader.load(path: selfish) }
                == "\(selfish):1: extends: extends cycle: \(selfish) -> \(selfish)")
    }

    @Test func extendsTargetMustExist() throws {
        let folder = try ScenarioFolder()
        let child = try folder.write("child.toml", "# a comment\nextends = \"nowhere\"\n")
        let error = #expect(throws: ScenarioError.self) { try loader.load(path: child) }
        #expect(error?.kind == .extendsNotFound)
        #expect(error?.description.hasPrefix("\(child):2: extends: no scenario \"nowhere\"") == true)
    }

    @Test func extendsFindsShippedScenarios() throws {
        let shipped = try ScenarioFolder()
        try shipped.write("baseline.toml", "seed = 99\n[dissent]\nseverity = 3\n")
        let folder = try ScenarioFolder()
        let child = try folder.write("mine.toml", "extends = \"baseline\"\n")
        let scenario = try ScenarioLoader(library: ScenarioLibrary(folder: shipped.path)).load(path: child).scenario
        #expect(scenario.seed == 99)
        #expect(scenario.dissent.severity == 3)
        #expect(scenario.name == "mine")
    }

    @Test func relativeFilesResolveAgainstTheFileThatNamedThem() throws {
        let folder = try ScenarioFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/base", withIntermediateDirectories: true)
        try folder.write("base/parent.toml", "[population]\nfile = \"people.csv\"\n")
        let child = try folder.write(
            "child.toml", "extends = \"base/parent\"\n[graph]\nmodel = \"edge-list\"\nfile = \"ties.csv\"\n")
        let scenario = try loader.load(path: child).scenario
        #expect(
            scenario.population.file == URL(fileURLWithPath: folder.path + "/base/people.csv").standardizedFileURL.path)
        #expect(scenario.graph.file == URL(fileURLWithPath: folder.path + "/ties.csv").standardizedFileURL.path)
    }

    @Test func overridesAcceptTypedAndUnquotedValues() throws {
        let scenario = try load(
            "[graph]\nmodel = \"random\"\n",
            overrides: [
                "ticks=50", "graph.model=scale-free", "dissent.severity = 2.5", "description=hello world",
                "name=2024", "graph.households.enabled=false",
                "traits.means={ distribution = \"constant\", value = 1 }",
            ])
        #expect(scenario.ticks == 50)
        #expect(scenario.graph.model == .scaleFree)
        #expect(scenario.dissent.severity == 2.5)
        #expect(scenario.description == "hello world")
        #expect(scenario.name == "2024")
        #expect(scenario.graph.households.enabled == false)
        #expect(scenario.population.traits[.means] == .constant(value: 1))
        #expect(try load("", overrides: ["graph.model=\"edge-list\""]).graph.model == .edgeList)
    }

    @Test func overridingADistributionNameKeepsOnlyItsParameters() throws {
        let text = "[traits.hardship]\ndistribution = \"beta\"\nalpha = 2\nbeta = 2\n"
        for overrides in [
            ["traits.hardship.distribution=uniform", "traits.hardship.min=0.1", "traits.hardship.max=0.3"],
            ["traits.hardship.min=0.1", "traits.hardship.max=0.3", "traits.hardship.distribution=uniform"],
        ] {
            #expect(try load(text, overrides: overrides).population.traits[.hardship] == .uniform(min: 0.1, max: 0.3))
        }
        #expect(
            failure(text, overrides: ["traits.hardship.distribution=uniform"])
                == "--set traits.hardship.min: missing; a uniform distribution needs min and max")
    }

    @Test func overrideErrorsNameSet() {
        #expect(
            failure("", overrides: ["graph.mean_degre=3"])
                == "--set graph.mean_degre: unknown key; did you mean 'mean_degree'?")
        #expect(failure("", overrides: ["ticks=0"]) == "--set ticks: expected an integer >= 1, got 0")
        #expect(
            failure("", overrides: ["graph.model=ring"])
                == "--set graph.model: expected one of small-world, scale-free, random, edge-list, got \"ring\"")
        #expect(failure("", overrides: ["ticks"]) == "--set ticks: expected key.path=value")
        #expect(failure("", overrides: ["graph..model=random"]) == "--set graph..model=random: expected key.path=value")
        #expect(
            failure("", overrides: ["extends=baseline"])
                == "--set extends: only a scenario file can extend another scenario")
        let error = #expect(throws: ScenarioError.self) {
            try loader.load(tomlText: "", path: "x.toml", overrides: ["=3"])
        }
        #expect(error?.kind == .malformedOverride)
    }

    @Test func overridesApplyAfterExtends() throws {
        let folder = try ScenarioFolder()
        try folder.write("parent.toml", "ticks = 10\n")
        let child = try folder.write("child.toml", "extends = \"parent\"\nticks = 20\n")
        #expect(try loader.load(path: child, overrides: ["ticks=30"]).scenario.ticks == 30)
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
                "[score]", "[score.association]", "[score.points]", "[detention]", "[peer_rating]", "[visibility]",
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

    @Test func suggestionsUseEditDistanceAndPrefixes() {
        #expect(TableReader.editDistance("mean_degre", "mean_degree") == 1)
        #expect(TableReader.editDistance("alpah", "alpha") == 1)
        #expect(TableReader.suggestion(for: "coverge", among: ["coverage"]) == "coverage")
        #expect(TableReader.suggestion(for: "mean", among: ["model", "mean_degree"]) == "mean_degree")
        #expect(TableReader.suggestion(for: "x", among: ["max", "min"]) == nil)
    }

    @Test func libraryListsAndResolvesShippedScenarios() throws {
        let folder = try ScenarioFolder()
        try folder.write("nosedive.toml", "")
        try folder.write("baseline.toml", "")
        try folder.write("README.md", "")
        let library = ScenarioLibrary(folder: folder.path)
        #expect(library.names() == ["baseline", "nosedive"])
        #expect(library.path(named: "nosedive") == folder.path + "/nosedive.toml")
        #expect(library.path(named: "missing") == nil)
        #expect(library.resolve("baseline") == folder.path + "/baseline.toml")
        let direct = folder.path + "/README.md"
        #expect(library.resolve(direct) == direct)
        #expect(ScenarioLibrary(folder: nil).names().isEmpty)
    }
}
