import Testing

@testable import Sim

/// What a tick does follows from the mechanisms a scenario switches on: each mechanism's constants
/// state their needs, and the run's are their union.
@Suite struct RunConstantsTests {
    /// One mechanism switched on in the dissent model, and what the tick then needs.
    enum Mechanism: String, CaseIterable, Sendable {
        case none, behaviours, associationPull, listedTiePenalty, loanBan, railBan, schoolRestriction
        case thresholdPerk, rankPerk, datingBoost, datingBoostAtRateZero, peerRating, publicScores
        case transportDiscount, hospitalPriority

        func switchOn(_ scenario: inout Scenario) {
            let sanction = { (effect: Sanction.Effect) in
                Sanction(name: "l", trigger: .scoreBelow(900), effects: [effect])
            }
            switch self {
            case .none: break
            case .behaviours: scenario.behaviours = Behaviour.defaults
            case .associationPull: scenario.regime.score.association.pull = 0.1
            case .listedTiePenalty: scenario.regime.score.association.listedTiePenalty = 2
            case .loanBan: scenario.regime.sanctions = [sanction(.loanBan)]
            case .railBan: scenario.regime.sanctions = [sanction(.railBan)]
            case .schoolRestriction: scenario.regime.sanctions = [sanction(.schoolRestriction)]
            case .thresholdPerk:
                scenario.regime.perks = [Perk(name: "p", trigger: .scoreAbove(900), effects: [.meansBonus])]
            case .rankPerk: scenario.regime.perks = [Perk(name: "p", trigger: .topShare(0.1))]
            case .datingBoost:
                scenario.regime.perks = [Perk(name: "p", trigger: .scoreAbove(900), effects: [.datingBoost])]
            case .datingBoostAtRateZero:
                scenario.regime.perks = [
                    Perk(name: "p", trigger: .scoreAbove(900), effects: [.datingBoost], datingRate: 0)
                ]
            case .peerRating: scenario.regime.peerRating.enabled = true
            case .publicScores: scenario.regime.visibility.publicScores = true
            case .transportDiscount:
                scenario.regime.perks = [Perk(name: "p", trigger: .scoreAbove(900), effects: [.transportDiscount])]
            case .hospitalPriority:
                scenario.regime.perks = [Perk(name: "p", trigger: .scoreAbove(900), effects: [.hospitalPriority])]
            }
        }

        var expected: TickNeeds {
            switch self {
            case .none: []
            case .loanBan, .thresholdPerk, .datingBoostAtRateZero, .transportDiscount, .hospitalPriority: .regime
            case .behaviours, .rankPerk: .tieSums
            case .associationPull, .listedTiePenalty, .railBan, .schoolRestriction: .tieKinds
            case .peerRating: [.tieSums, .stigma]
            case .datingBoost, .publicScores: [.tieKinds, .stigma]
            }
        }
    }

    /// The needs of `scenario`'s run constants.
    static func needs(_ scenario: Scenario) -> TickNeeds {
        let tables = ConstantTables()
        return withExtendedLifetime(tables) {
            RunConstants(scenario: scenario, tables: tables, vectorLevel: .scalar).needs
        }
    }

    /// The dissent model alone, with surveillance of dissent, detention and recovery: no
    /// behaviours, no regime instrument.
    static var dissentOnly: Scenario {
        var scenario = Scenario(name: "dissent")
        scenario.behaviours = []
        scenario.regime.surveillance.dissent.coverage = 0.5
        scenario.regime.detention.probability = 0.3
        scenario.regime.score.recovery = 1
        return scenario
    }

    @Test("each mechanism switched on alone asks for what it reads", arguments: Mechanism.allCases)
    func needsFollowMechanisms(_ mechanism: Mechanism) {
        var scenario = Self.dissentOnly
        mechanism.switchOn(&scenario)
        #expect(Self.needs(scenario) == mechanism.expected)
    }

    @Test("needs imply what they rest on, and the run's needs are the union of its mechanisms'")
    func needsCompose() {
        #expect(TickNeeds.tieKinds.contains(.tieSums) && TickNeeds.tieSums.contains(.regime))
        #expect(TickNeeds.stigma.contains(.regime))
        var scenario = Self.dissentOnly
        Mechanism.peerRating.switchOn(&scenario)
        Mechanism.railBan.switchOn(&scenario)
        #expect(Self.needs(scenario) == [.tieKinds, .stigma])
    }
}
