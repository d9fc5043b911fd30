import Agents
import Foundation
import Testing

@testable import Sim

/// `[[behaviours]]` elements named b0, b1, … with valid keys.
private func behaviours(_ count: Int) -> String {
    (0..<count).map { index in
        "[[behaviours]]\nname = \"b\(index)\"\nkind = \"virtue\"\nrate = 0.1\npoints = 1\nchannel = \"civic\"\n"
    }.joined()
}

/// Arrays of tables: inline form, replacement under `extends`, `[[behaviours]]` errors and line lookup by index.
@Suite struct ScenarioLoaderArrayOfTablesTests {
    @Test func inlineArraysOfTablesWorkToo() throws {
        let scenario = try load(
            """
            behaviours = [
              { name = "a", kind = "virtue", rate = 0.5, points = 1, channel = "civic" },
            ]
            sanctions = [{ name = "s", trigger = { record = "a" }, duration = 2 }]
            """)
        #expect(scenario.behaviours == [Behaviour(name: "a", kind: .virtue, rate: 0.5, points: 1, channel: .civic)])
        #expect(scenario.regime.sanctions == [Sanction(name: "s", trigger: .record("a"), duration: 2)])
        #expect(
            failure(
                """
                behaviours = [
                  { name = "a", kind = "virtue", rate = 0.5, points = 1, channel = "civic" },
                  { name = "b", kind = "virtue", rate = 2, points = 1, channel = "civic" },
                ]
                """) == "x.toml:3: behaviours[1].rate: expected a number in (0, 1), got 2")
    }

    @Test func arraysOfTablesReplaceTheInheritedOnesUnderExtends() throws {
        let folder = try ScenarioFolder()
        try folder.write(
            "parent.toml",
            behaviours(3) + """
                [[score.grades]]
                name = "low"
                min = 0
                [[score.grades]]
                name = "high"
                min = 500
                [[sanctions]]
                name = "one"
                trigger = { score_below = 100 }
                duration = 5
                [[sanctions]]
                name = "two"
                trigger = { listed = "one" }
                duration = 5
                """)
        let child = try folder.write(
            "child.toml",
            """
            extends = "parent"
            [[behaviours]]
            name = "own"
            kind = "infraction"
            rate = 0.2
            points = -1
            channel = "online"
            [[score.grades]]
            name = "only"
            min = 10
            [score]
            listed_stake = 0
            """)
        let scenario = try loader.load(path: child).scenario
        #expect(scenario.behaviours.map(\.name) == ["own"])
        #expect(scenario.regime.score.grades == [Grade(name: "only", minimum: 10)])
        #expect(scenario.regime.score.listedStake == 0)
        #expect(scenario.regime.sanctions.map(\.name) == ["one", "two"])

        let inheriting = try folder.write("inheriting.toml", "extends = \"parent\"\nticks = 3\n")
        #expect(try loader.load(path: inheriting).scenario.behaviours.map(\.name) == ["b0", "b1", "b2"])

        let silent = try folder.write("silent.toml", "extends = \"parent\"\nbehaviours = []\nsanctions = []\n")
        let none = try loader.load(path: silent)
        #expect(none.scenario.behaviours.isEmpty)
        #expect(none.scenario.regime.sanctions.isEmpty)
        #expect(try load("behaviours = []").behaviours.isEmpty)
        #expect(try loader.load(tomlText: none.resolvedTOML, path: "again.toml").scenario == none.scenario)
    }

    @Test func behaviourErrorsNameTheElement() throws {
        #expect(
            failure(behaviours(3) + "[[behaviours]]\nname = \"late\"\nkind = \"infraction\"\nrate = 1.2\n")
                == "x.toml:22: behaviours[3].rate: expected a number in (0, 1), got 1.2")
        #expect(
            failure(behaviours(13))
                == "x.toml:73: behaviours[12]: too many behaviours: at most 12, got 13")
        #expect(try load(behaviours(12)).behaviours.count == 12)
        #expect(
            failure(behaviours(2) + "[[behaviours]]\nname = \"b0\"\n")
                == "x.toml:14: behaviours[2].name: duplicate name \"b0\": behaviours[0] has it already")
        #expect(
            failure("[[behaviours]]\nname = \"Late Bill\"\n")
                == "x.toml:2: behaviours[0].name: expected a name of lowercase letters, digits and _, got \"Late Bill\""
        )
        #expect(
            failure("[[behaviours]]\nname = \"dissent\"\n")
                == "x.toml:2: behaviours[0].name: \"dissent\" is reserved for public dissent; choose another name")
        #expect(
            failure("[[behaviours]]\nname = \"a\"\nkind = \"virtue\"\nrate = 0.1\n")
                == "x.toml:1: behaviours[0].points: missing; a behaviour needs name, kind, rate, points and channel")
        #expect(
            failure("[[behaviours]]\nname = \"a\"\nkind = \"vice\"\n")
                == "x.toml:3: behaviours[0].kind: expected one of virtue, infraction, got \"vice\"")
        #expect(
            failure(
                "[[behaviours]]\nname = \"a\"\nkind = \"virtue\"\nrate = 0.1\npoints = 1\nchannel = \"stret\"\n")
                == "x.toml:6: behaviours[0].channel: expected one of dissent, financial, judicial, traffic, online, "
                + "street, social, civic, got \"stret\"; did you mean 'street'?")
        #expect(
            failure(behaviours(1) + "drivers = { hardsihp = 1 }\n")
                == "x.toml:7: behaviours[0].drivers.hardsihp: unknown key; did you mean 'hardship'?")
        #expect(
            failure(behaviours(1) + "condition = \"listed\"\n")
                == "x.toml:7: behaviours[0].condition: expected one of always, listed-tie, got \"listed\"; "
                + "did you mean 'listed-tie'?")
        #expect(
            failure(behaviours(1) + "rat = 0.1\n")
                == "x.toml:7: behaviours[0].rat: unknown key; did you mean 'rate'?")
        #expect(
            failure("behaviours = 3")
                == "x.toml:1: behaviours: expected an array of tables ([[behaviours]]), got integer 3")
    }

    @Test func keyLocatorIndexesArraysOfTables() {
        let locator = TOMLKeyLocator(
            text: """
                [[a]]
                x = 1
                [[a.b]]
                y = 2
                [a.c]
                z = 3
                [[a]]
                x = 4
                [[a.b]]
                y = 5
                [[a.b]]
                y = 6
                """)
        #expect(locator.line(of: ["a"]) == 1)
        #expect(locator.line(of: ["a", "[0]", "x"]) == 2)
        #expect(locator.line(of: ["a", "[0]", "b", "[0]", "y"]) == 4)
        #expect(locator.line(of: ["a", "[0]", "c", "z"]) == 6)
        #expect(locator.line(of: ["a", "[1]"]) == 7)
        #expect(locator.line(of: ["a", "[1]", "x"]) == 8)
        #expect(locator.line(of: ["a", "[1]", "b", "[1]", "y"]) == 12)
        #expect(locator.line(of: ["a", "[1]", "missing"]) == 7)
    }
}
