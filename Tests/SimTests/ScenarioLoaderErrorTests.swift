import Agents
import Foundation
import Testing

@testable import Sim

/// Error messages for invalid scenario files: line, key path, expected value and suggested key.
@Suite struct ScenarioLoaderErrorTests {
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
        #expect(
            unrelated
                == "x.toml:2: dissent.zzzzzz: unknown key; expected one of deterrence, severity, points_scale, detention_weight"
        )
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

    @Test func suggestionsUseEditDistanceAndPrefixes() {
        #expect(TableReader.editDistance("mean_degre", "mean_degree") == 1)
        #expect(TableReader.editDistance("alpah", "alpha") == 1)
        #expect(TableReader.suggestion(for: "coverge", among: ["coverage"]) == "coverage")
        #expect(TableReader.suggestion(for: "mean", among: ["model", "mean_degree"]) == "mean_degree")
        #expect(TableReader.suggestion(for: "x", among: ["max", "min"]) == nil)
    }
}
