import Agents
import Foundation
import Testing

@testable import Sim

/// `[[sanctions]]` and `[[perks]]` errors: triggers, effects, durations, initial listing and limits.
@Suite struct ScenarioLoaderSanctionTests {
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
}
