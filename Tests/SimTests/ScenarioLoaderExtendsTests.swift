import Agents
import Foundation
import Testing

@testable import Sim

/// Layering scenarios: `extends`, the shipped library, relative file paths and `--set` overrides.
@Suite struct ScenarioLoaderExtendsTests {
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
}
