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

/// A scenario using every key of the regime, none at its default.
private let everything = """
    name = "everything"
    represents = 1_400_000_000

    [conduct]
    social_influence = 1.5
    incentive = 4
    points_scale = 25

    [[behaviours]]
    name = "jaywalking"
    kind = "infraction"
    rate = 0.05
    points = -5
    channel = "street"
    drivers = { risk_aversion = -1, conformity = -0.5 }

    [[behaviours]]
    name = "blood_donation"
    kind = "virtue"
    rate = 0.001
    points = 30.5
    channel = "civic"
    condition = "listed-tie"

    [surveillance.dissent]
    coverage = 0.8
    misidentification = 0.001

    [surveillance.street]
    cameras_per_capita = 0.37
    recognition_accuracy = 0.95
    view_factor = 3

    [surveillance.online]
    coverage = 0.5

    [score]
    initial = 1000
    min = 600
    max = 1300
    listed_stake = 0.25

    [score.association]
    pull = 0.1
    family_weight = 3
    listed_tie_penalty = 1.5

    [[score.grades]]
    name = "D"
    min = 600
    [[score.grades]]
    name = "C"
    min = 850
    [[score.grades]]
    name = "A+"
    min = 1050
    [[score.grades]]
    name = "AAA"
    min = 1300

    [[sanctions]]
    name = "low_score"
    trigger = { score_below = 850 }
    duration = 365
    lift_above = 900
    effects = ["flight-ban", "rail-ban", "school-restriction"]

    [[sanctions]]
    name = "dissidents"
    trigger = { record = "dissent" }
    duration = "permanent"
    effects = ["internet-throttle", "job-block"]
    means_factor = 0.3
    initial_share = 0.01
    initial_points = -50

    [[sanctions]]
    name = "jaywalkers"
    trigger = { record = "jaywalking" }
    duration = 7

    [[sanctions]]
    name = "relatives"
    trigger = { listed = "dissidents" }
    duration = 30
    effects = ["loan-ban", "property-ban"]

    [[perks]]
    name = "model_citizen"
    trigger = { score_above = 1200 }
    effects = ["transport-discount", "hospital-priority"]

    [[perks]]
    name = "elite"
    trigger = { top_share = 0.05 }
    effects = ["dating-boost", "means-bonus"]
    dating_rate = 0.1
    means_bonus = 0.5

    [peer_rating]
    enabled = true
    ratings_per_tick = 5
    responsiveness = 0.2
    inflation = 1
    fake_nice = 0.5
    stigma = 3
    rater_weight = 4

    [visibility]
    scores = "public"
    cut_rate = 0.4
    cut_family = true
    stigma_below = 700
    """

@Suite struct ScenarioLoaderRegimeTests {
    @Test func everyRegimeKeyParsesIntoItsField() throws {
        let scenario = try load(everything)
        var expected = Scenario(name: "everything", represents: 1_400_000_000)
        expected.conduct = ConductParameters(socialInfluence: 1.5, incentive: 4, pointsScale: 25)
        expected.behaviours = [
            Behaviour(
                name: "jaywalking", kind: .infraction, rate: 0.05, points: -5, channel: .street,
                drivers: [.riskAversion: -1, .conformity: -0.5]),
            Behaviour(
                name: "blood_donation", kind: .virtue, rate: 0.001, points: 30.5, channel: .civic,
                condition: .listedTie),
        ]
        expected.regime.surveillance = Surveillance(channels: [
            .dissent: .init(coverage: 0.8, misidentification: 0.001),
            .street: .init(camerasPerCapita: 0.37, recognitionAccuracy: 0.95, viewFactor: 3),
            .online: .init(coverage: 0.5),
        ])
        expected.regime.score = ScoreRules(
            initial: 1000, min: 600, max: 1300,
            association: Association(pull: 0.1, familyWeight: 3, listedTiePenalty: 1.5),
            grades: [
                Grade(name: "D", minimum: 600), Grade(name: "C", minimum: 850), Grade(name: "A+", minimum: 1050),
                Grade(name: "AAA", minimum: 1300),
            ],
            listedStake: 0.25)
        expected.regime.sanctions = [
            Sanction(
                name: "low_score", trigger: .scoreBelow(850), duration: 365, liftAbove: 900,
                effects: [.flightBan, .railBan, .schoolRestriction]),
            Sanction(
                name: "dissidents", trigger: .record("dissent"), duration: nil,
                effects: [.internetThrottle, .jobBlock], meansFactor: 0.3, initialShare: 0.01, initialPoints: -50),
            Sanction(name: "jaywalkers", trigger: .record("jaywalking"), duration: 7),
            Sanction(
                name: "relatives", trigger: .listed("dissidents"), duration: 30, effects: [.loanBan, .propertyBan]),
        ]
        expected.regime.perks = [
            Perk(name: "model_citizen", trigger: .scoreAbove(1200), effects: [.transportDiscount, .hospitalPriority]),
            Perk(
                name: "elite", trigger: .topShare(0.05), effects: [.datingBoost, .meansBonus], datingRate: 0.1,
                meansBonus: 0.5),
        ]
        expected.regime.peerRating = PeerRating(
            enabled: true, ratingsPerTick: 5, responsiveness: 0.2, inflation: 1, fakeNice: 0.5, stigma: 3,
            raterWeight: 4)
        expected.regime.visibility = Visibility(publicScores: true, cutRate: 0.4, cutFamily: true, stigmaBelow: 700)
        #expect(scenario == expected)
        #expect(abs(scenario.regime.surveillance[.street].effectiveCoverage - 0.95 * (1 - exp(-0.37 * 3))) < 1e-12)
    }

    @Test func absentOrEmptySectionsKeepTheDefaults() throws {
        #expect(try load("") == Scenario(name: "x"))
        #expect(try load("").behaviours == Behaviour.defaults)
        let empty = """
            [conduct]
            [surveillance.street]
            [score.association]
            [peer_rating]
            [visibility]
            """
        #expect(try load(empty) == Scenario(name: "x"))
        #expect(try load("represents = 1000").represents == 1000)
    }

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

    @Test func topLevelAndTableRangesAreChecked() {
        #expect(failure("represents = 0") == "x.toml:1: represents: expected an integer >= 1, got 0")
        #expect(failure("represents = 1.5e9") == "x.toml:1: represents: expected an integer, got number 1500000000")
        #expect(
            failure("[conduct]\npoints_scale = 0") == "x.toml:2: conduct.points_scale: expected a number > 0, got 0")
        #expect(
            failure("[conduct]\nincentive = -1") == "x.toml:2: conduct.incentive: expected a number >= 0, got -1")
        #expect(
            failure("[conduct]\nsocial = 1")
                == "x.toml:2: conduct.social: unknown key; did you mean 'social_influence'?")
        #expect(
            failure("[score]\nlisted_stake = 2") == "x.toml:2: score.listed_stake: expected a number in [0, 1], got 2")
        #expect(
            failure("[score.association]\npull = 1.5")
                == "x.toml:2: score.association.pull: expected a number in [0, 1], got 1.5")
        #expect(
            failure("[score.association]\nfamily_weight = -2")
                == "x.toml:2: score.association.family_weight: expected a number >= 0, got -2")
        #expect(
            failure("[peer_rating]\nresponsiveness = 2")
                == "x.toml:2: peer_rating.responsiveness: expected a number in [0, 1], got 2")
        #expect(
            failure("[peer_rating]\nenabled = \"yes\"")
                == "x.toml:2: peer_rating.enabled: expected true or false, got string \"yes\"")
        #expect(
            failure("[peer_rating]\nfake_nice = -1")
                == "x.toml:2: peer_rating.fake_nice: expected a number >= 0, got -1")
        #expect(
            failure("[visibility]\nscores = \"secret\"")
                == "x.toml:2: visibility.scores: expected one of public, private, got \"secret\"")
        #expect(
            failure("[visibility]\ncut_rate = 1.1")
                == "x.toml:2: visibility.cut_rate: expected a number in [0, 1], got 1.1")
    }

    @Test func surveillanceChannelsAreChecked() throws {
        #expect(
            failure("[surveillance.stret]\ncoverage = 0.5")
                == "x.toml:1: surveillance.stret: unknown key; did you mean 'street'?")
        #expect(
            failure("[surveillance.street]\ncoverage = 1.5")
                == "x.toml:2: surveillance.street.coverage: expected a number in [0, 1], got 1.5")
        #expect(
            failure("[surveillance.traffic]\nview_factor = 0")
                == "x.toml:2: surveillance.traffic.view_factor: expected a number > 0, got 0")
        #expect(
            failure("[surveillance.online]\ncameras_per_capita = -0.1")
                == "x.toml:2: surveillance.online.cameras_per_capita: expected a number >= 0, got -0.1")
        #expect(
            failure("[surveillance.social]\nmisidentification = 2")
                == "x.toml:2: surveillance.social.misidentification: expected a number in [0, 1], got 2")
        let both = "cannot be given together with %@ (cameras_per_capita derives the coverage); give one or the other"
        #expect(
            failure("[surveillance.street]\ncameras_per_capita = 0.3\nview_factor = 2\ncoverage = 0.5")
                == "x.toml:4: surveillance.street.coverage: "
                + both.replacingOccurrences(of: "%@", with: "cameras_per_capita"))
        #expect(
            failure("[surveillance.street]\ncoverage = 0.5\ncameras_per_capita = 0.3")
                == "x.toml:3: surveillance.street.cameras_per_capita: "
                + both.replacingOccurrences(of: "%@", with: "coverage"))

        // Across files the extending file's key is the later one, whatever its line.
        let folder = try ScenarioFolder()
        try folder.write("parent.toml", "\n\n\n\n[surveillance.street]\ncameras_per_capita = 0.3\n")
        let child = try folder.write("child.toml", "extends = \"parent\"\n[surveillance.street]\ncoverage = 0.2\n")
        #expect(
            failure { () throws(ScenarioError) in _ = try loader.load(path: child) }
                == "\(child):3: surveillance.street.coverage: "
                + both.replacingOccurrences(of: "%@", with: "cameras_per_capita"))
        #expect(
            failure("[surveillance.street]\ncoverage = 0.5", overrides: ["surveillance.street.cameras_per_capita=0.1"])
                == "--set surveillance.street.cameras_per_capita: "
                + both.replacingOccurrences(of: "%@", with: "coverage"))
    }

    @Test func gradesAreCheckedAgainstTheScoreRange() {
        let grades = "[score]\nmin = 300\nmax = 900\ninitial = 900\n[[score.grades]]\nname = \"B\"\nmin = 500\n"
        #expect(
            failure(grades + "[[score.grades]]\nname = \"A\"\nmin = 450\n")
                == "x.toml:10: score.grades[1].min: expected a number > 500 (grade mins must increase; "
                + "the previous grade \"B\" starts there), got 450")
        #expect(
            failure(grades + "[[score.grades]]\nname = \"A\"\nmin = 500\n")?.hasPrefix(
                "x.toml:10: score.grades[1].min: expected a number > 500") == true)
        #expect(
            failure(grades + "[[score.grades]]\nname = \"A\"\nmin = 1000\n")
                == "x.toml:10: score.grades[1].min: expected a number in [300, 900], got 1000")
        #expect(
            failure(grades + "[[score.grades]]\nname = \"B\"\nmin = 600\n")
                == "x.toml:9: score.grades[1].name: duplicate name \"B\": score.grades[0] has it already")
        #expect(
            failure("[[score.grades]]\nname = \"A*\"\nmin = 1\n")
                == "x.toml:2: score.grades[0].name: expected a name of letters, digits, _, + and -, got \"A*\"")
        #expect(
            failure("[[score.grades]]\nname = \"A\"\n")
                == "x.toml:1: score.grades[0].min: missing; a grade needs name and min")
    }

    @Test func sanctionErrorsNameTheElement() {
        let first = "[[sanctions]]\nname = \"first\"\ntrigger = { score_below = 500 }\nduration = 10\n"
        #expect(
            failure(first + "initial_share = 1.5\n")
                == "x.toml:5: sanctions[0].initial_share: expected a number in [0, 1], got 1.5")
        #expect(
            failure(first + "initial_points = -30\n")
                == "x.toml:5: sanctions[0].initial_points: initial_points applies to the initially listed; "
                + "set initial_share > 0 too")
        let following = "[[sanctions]]\nname = \"x\"\ntrigger = { listed = \"first\" }\nduration = 1\n"
        #expect(
            failure(first + following + "initial_share = 0.1\n")
                == "x.toml:9: sanctions[1].initial_share: a list triggered by another list starts with that list's "
                + "members; set initial_share there")
        #expect(
            failure(first + "[[sanctions]]\nname = \"fines\"\ntrigger = { record = \"unpaid_fines\" }\nduration = 10\n")
                == "x.toml:7: sanctions[1].trigger.record: expected \"dissent\" or the name of a behaviour of this "
                + "scenario, got \"unpaid_fines\"; did you mean 'unpaid_fine'?")
        #expect(
            failure(
                "behaviours = []\n" + first.replacingOccurrences(of: "score_below = 500", with: "record = \"charity\""))
                == "x.toml:4: sanctions[0].trigger.record: expected \"dissent\" or the name of a behaviour of this "
                + "scenario, got \"charity\"")
        let later = """
            [[sanctions]]
            name = "family"
            trigger = { listed = "debtors" }
            duration = 10
            [[sanctions]]
            name = "debtors"
            trigger = { score_below = 500 }
            duration = 10
            """
        #expect(
            failure(later)
                == "x.toml:3: sanctions[0].trigger.listed: expected the name of an earlier sanction, got \"debtors\", "
                + "which is sanctions[1]; list it before this one")
        #expect(
            failure(first + "[[sanctions]]\nname = \"x\"\ntrigger = { listed = \"frist\" }\nduration = 1\n")
                == "x.toml:7: sanctions[1].trigger.listed: expected the name of an earlier sanction, got \"frist\"; "
                + "did you mean 'first'?")
        #expect(
            failure("[[sanctions]]\nname = \"x\"\ntrigger = { listed = \"x\" }\nduration = 1\n")
                == "x.toml:3: sanctions[0].trigger.listed: a sanction cannot be triggered by its own list")
        #expect(
            failure("[[sanctions]]\nname = \"x\"\ntrigger = { score_below = 1, record = \"dissent\" }\nduration = 1\n")
                == "x.toml:3: sanctions[0].trigger: expected exactly one of score_below, record, listed; "
                + "got score_below and record")
        #expect(
            failure("[[sanctions]]\nname = \"x\"\ntrigger = {}\nduration = 1\n")
                == "x.toml:3: sanctions[0].trigger: expected exactly one of score_below, record, listed; got none")
        #expect(
            failure("[[sanctions]]\nname = \"x\"\ntrigger = { score_bellow = 1 }\nduration = 1\n")
                == "x.toml:3: sanctions[0].trigger.score_bellow: unknown key; did you mean 'score_below'?")
        #expect(
            failure(first + first)
                == "x.toml:6: sanctions[1].name: duplicate name \"first\": sanctions[0] has it already")
        #expect(
            failure(first + "effects = [\"flight-ban\", \"flight_ban\"]\n")
                == "x.toml:5: sanctions[0].effects[1]: expected one of flight-ban, rail-ban, loan-ban, property-ban, "
                + "job-block, school-restriction, internet-throttle, got \"flight_ban\"; did you mean 'flight-ban'?")
        #expect(
            failure(first + "effects = [\"rail-ban\", \"rail-ban\"]\n")
                == "x.toml:5: sanctions[0].effects[1]: \"rail-ban\" is listed twice")
        #expect(
            failure(first.replacingOccurrences(of: "duration = 10", with: "duration = \"forever\""))
                == "x.toml:4: sanctions[0].duration: expected an integer >= 1 or \"permanent\", got string \"forever\"")
        #expect(
            failure(first.replacingOccurrences(of: "duration = 10", with: "duration = 0"))
                == "x.toml:4: sanctions[0].duration: expected an integer >= 1 or \"permanent\", got integer 0")
        #expect(
            failure(first.replacingOccurrences(of: "duration = 10\n", with: ""))
                == "x.toml:1: sanctions[0].duration: missing; a sanction needs name, trigger and duration")
        #expect(
            failure(first + "means_factor = 1.5")
                == "x.toml:5: sanctions[0].means_factor: expected a number in [0, 1], got 1.5")
        let nine = (0..<9).map { "[[sanctions]]\nname = \"s\($0)\"\ntrigger = { score_below = 1 }\nduration = 1\n" }
        #expect(failure(nine.joined()) == "x.toml:33: sanctions[8]: too many sanctions: at most 8, got 9")
    }

    @Test func perkErrorsNameTheElement() throws {
        let perk = "[[perks]]\nname = \"p\"\ntrigger = { top_share = 0.1 }\n"
        #expect(try load(perk).regime.perks == [Perk(name: "p", trigger: .topShare(0.1))])
        #expect(
            failure(perk.replacingOccurrences(of: "0.1", with: "0"))
                == "x.toml:3: perks[0].trigger.top_share: expected a number in (0, 1], got 0")
        #expect(try load(perk.replacingOccurrences(of: "0.1", with: "1")).regime.perks.count == 1)
        #expect(
            failure("[[perks]]\nname = \"p\"\ntrigger = { score_above = 1, top_share = 0.5 }\n")
                == "x.toml:3: perks[0].trigger: expected exactly one of score_above, top_share; "
                + "got score_above and top_share")
        #expect(
            failure(perk + "effects = [\"dating\"]\n")
                == "x.toml:4: perks[0].effects[0]: expected one of transport-discount, hospital-priority, dating-boost, "
                + "means-bonus, got \"dating\"; did you mean 'dating-boost'?")
        #expect(
            failure(perk + "dating_rate = 2\n") == "x.toml:4: perks[0].dating_rate: expected a number in [0, 1], got 2")
        #expect(
            failure(perk + "means_bonus = -1\n") == "x.toml:4: perks[0].means_bonus: expected a number >= 0, got -1")
        #expect(failure(perk + perk) == "x.toml:5: perks[1].name: duplicate name \"p\": perks[0] has it already")
        #expect(
            failure("[[perks]]\nname = \"p\"\n") == "x.toml:1: perks[0].trigger: missing; a perk needs name and trigger"
        )
    }

    @Test func overridesReachTheNewKeys() throws {
        let text = "[[sanctions]]\nname = \"s\"\ntrigger = { score_below = 100 }\nduration = 10\n"
        let scenario = try load(
            text,
            overrides: [
                "surveillance.street.coverage=0.5", "visibility.scores=public", "represents=1400000000",
                "sanctions[0].duration=30", "sanctions[0].trigger={ record = \"dissent\" }", "conduct.incentive=1",
                "score.association.pull=0.2", "peer_rating.enabled=true", "visibility.stigma_below=400",
            ])
        #expect(scenario.regime.surveillance[.street].coverage == 0.5)
        #expect(scenario.regime.visibility.publicScores)
        #expect(scenario.represents == 1_400_000_000)
        #expect(scenario.regime.sanctions == [Sanction(name: "s", trigger: .record("dissent"), duration: 30)])
        #expect(scenario.conduct.incentive == 1)
        #expect(scenario.regime.score.association.pull == 0.2)
        #expect(scenario.regime.peerRating.enabled)
        #expect(scenario.regime.visibility.stigmaBelow == 400)
        #expect(try load(text, overrides: ["sanctions[0].duration=permanent"]).regime.sanctions[0].duration == nil)
        #expect(try load("", overrides: ["behaviours=[]"]).behaviours.isEmpty)

        #expect(
            failure(text, overrides: ["sanctions.duration=30"])
                == "--set sanctions: an array of tables: set a key of one element as sanctions[0].duration, "
                + "or edit the array in the file")
        #expect(
            failure(text, overrides: ["sanctions[1].duration=30"])
                == "--set sanctions[1]: no such element: the array has 1 (indices start at 0)")
        #expect(
            failure("", overrides: ["behaviours[0].rate=0.5"])
                == "--set behaviours: not written in the scenario, so it has no element [0] to change; "
                + "write the array in the file")
        #expect(
            failure(text, overrides: ["sanctions[0].duration=0"])
                == "--set sanctions[0].duration: expected an integer >= 1 or \"permanent\", got integer 0")
        #expect(failure("", overrides: ["ticks[x]=1"]) == "--set ticks[x]=1: expected key.path=value")
        #expect(
            failure("", overrides: ["surveillance.stret.coverage=1"])
                == "--set surveillance.stret: unknown key; did you mean 'street'?")
    }

    @Test func resolvedTOMLRoundTripsEveryRegimeKey() throws {
        let folder = try ScenarioFolder()
        try folder.write("parent.toml", everything)
        let child = try folder.write("child.toml", "extends = \"parent\"\n[surveillance.traffic]\nview_factor = 2\n")
        let loaded = try loader.load(path: child, overrides: ["visibility.cut_rate=0.3"])
        let again = try loader.load(tomlText: loaded.resolvedTOML, path: "resolved.toml")
        #expect(again.scenario == loaded.scenario)
        #expect(again.resolvedTOML == loaded.resolvedTOML)
        #expect(loaded.scenario.regime.surveillance[.traffic] == .init(viewFactor: 2))

        let text = loaded.resolvedTOML
        #expect(text.contains("represents = 1400000000\n"))
        #expect(text.contains("drivers = { risk_aversion = -1, conformity = -0.5 }\n"))
        #expect(text.contains("trigger = { listed = \"dissidents\" }\n"))
        #expect(text.contains("duration = \"permanent\"\n"))
        #expect(text.contains("[surveillance.street]\ncameras_per_capita = 0.37\n"))
        #expect(!text.contains("[surveillance.judicial]"))
        let headers = text.split(separator: "\n").filter { $0.hasPrefix("[") }.map(String.init)
        var unique: [String] = []
        for header in headers where unique.last != header { unique.append(header) }
        #expect(
            unique == [
                "[traits]", "[graph]", "[graph.households]", "[legitimacy]", "[dissent]", "[conduct]", "[[behaviours]]",
                "[surveillance.dissent]", "[surveillance.traffic]", "[surveillance.online]", "[surveillance.street]",
                "[score]", "[score.association]", "[[score.grades]]", "[score.points]", "[detention]", "[[sanctions]]",
                "[[perks]]", "[peer_rating]", "[visibility]",
            ])
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
