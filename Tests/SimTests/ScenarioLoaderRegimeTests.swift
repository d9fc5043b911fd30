import Agents
import Foundation
import Testing

@testable import Sim

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

    [trips]
    flight_rate = 0.002
    rail_rate = 0.01
    means_elasticity = 1.2
    price_elasticity = 1.5

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
    credit_factor = 0.75

    [[perks]]
    name = "model_citizen"
    trigger = { score_above = 1200 }
    effects = ["transport-discount", "hospital-priority"]
    transport_discount = 0.25
    hardship_relief = 0.4

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

/// The whole regime in a scenario file: every key parsed, defaults kept, `--set` overrides and the resolved TOML.
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
        expected.trips = Trips(flightRate: 0.002, railRate: 0.01, meansElasticity: 1.2, priceElasticity: 1.5)
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
                name: "relatives", trigger: .listed("dissidents"), duration: 30, effects: [.loanBan, .propertyBan],
                creditFactor: 0.75),
        ]
        expected.regime.perks = [
            Perk(
                name: "model_citizen", trigger: .scoreAbove(1200), effects: [.transportDiscount, .hospitalPriority],
                transportDiscount: 0.25, hardshipRelief: 0.4),
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
                "[trips]", "[surveillance.dissent]", "[surveillance.traffic]", "[surveillance.online]",
                "[surveillance.street]", "[score]", "[score.association]", "[[score.grades]]", "[score.points]",
                "[detention]", "[policing]", "[[sanctions]]", "[[perks]]", "[peer_rating]", "[visibility]",
            ])
    }
}
