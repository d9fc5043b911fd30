import Agents
import Foundation
import Testing

@testable import Sim

/// Range checks of the regime keys: represents, conduct, trips, score, peer rating, visibility, surveillance and
/// grades.
@Suite struct ScenarioLoaderRegimeRangeTests {
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
        #expect(
            failure("[trips]\nmeans_elasticity = -1")
                == "x.toml:2: trips.means_elasticity: expected a number >= 0, got -1")
        #expect(
            failure("[trips]\nflight_rate = 0.5\nrail_rate = 0.75")
                == "x.toml:3: trips.rail_rate: expected a number <= 1 - flight_rate (0.5), got 0.75")
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
}
