import Foundation
import Testing

@testable import Sim

/// Surveillance channels: coverage, cameras and false records.
@Suite("Regime: surveillance")
struct RegimeSurveillanceTests {
    @Test("without misidentification there is never a wrongful record, even under heavy surveillance")
    func noMisidentificationNoWrongfulRecords() throws {
        var scenario = RegimeFixtures.watched(
            RegimeFixtures.society(name: "truthful", size: 3_000, ticks: 12), coverage: 1)
        scenario.regime.surveillance.dissent.coverage = 0.8
        scenario.regime.surveillance[.civic].coverage = 1
        scenario.legitimacy.value = 0.2
        scenario.regime.sanctions = [Sanction(name: "low", trigger: .scoreBelow(980), duration: 5)]
        let rows = try RegimeFixtures.run(scenario)
        #expect(rows.allSatisfy { $0[.wrongfulRecords] == 0 && $0[.wrongfulSanctions] == 0 })
        #expect(rows.contains { $0[.recordedDissent] > 0 })
        #expect(rows.last![.scoreMean] < 1000)
    }

    @Test("misidentification on a channel raises wrongful records; on a virtue channel it records nothing")
    func misidentificationRaisesWrongfulRecords() throws {
        let base = RegimeFixtures.watched(RegimeFixtures.society(name: "misid", size: 2_000, ticks: 8), coverage: 0.5)
        var street = base
        street.regime.surveillance[.street].misidentification = 0.01
        var civic = base
        civic.regime.surveillance[.civic].misidentification = 0.5
        let baseRows = try RegimeFixtures.run(base)
        let streetRows = try RegimeFixtures.run(street)
        let civicRows = try RegimeFixtures.run(civic)
        #expect(baseRows.allSatisfy { $0[.wrongfulRecords] == 0 })
        #expect(streetRows.allSatisfy { $0[.wrongfulRecords] > 0 })
        #expect(civicRows == baseRows, "virtues are never falsely recorded")
    }

    @Test("denser coverage, same misidentification: fewer infractions and more wrongful records, tick by tick")
    func denserSurveillance() throws {
        var light = RegimeFixtures.watched(RegimeFixtures.society(name: "light", size: 3_000, ticks: 10), coverage: 0.1)
        for channel in RegimeFixtures.infractionChannels { light.regime.surveillance[channel].misidentification = 0.02 }
        let dense = RegimeFixtures.watched(light, coverage: 0.9)
        let lightRows = try RegimeFixtures.run(light)
        let denseRows = try RegimeFixtures.run(dense)
        for (a, b) in zip(lightRows, denseRows) {
            #expect(RegimeFixtures.infractions(b, dense) <= RegimeFixtures.infractions(a, light), "tick \(a.tick)")
            #expect(b[.wrongfulRecords] >= a[.wrongfulRecords], "tick \(a.tick)")
        }
        let infractionsLight = lightRows.reduce(0) { $0 + RegimeFixtures.infractions($1, light) }
        let infractionsDense = denseRows.reduce(0) { $0 + RegimeFixtures.infractions($1, dense) }
        #expect(infractionsDense < infractionsLight)
        #expect(denseRows.reduce(0) { $0 + $1[.wrongfulRecords] } > lightRows.reduce(0) { $0 + $1[.wrongfulRecords] })
    }

    @Test("camera coverage is accuracy · (1 − exp(−cameras per capita · view factor))")
    func cameraCoverage() {
        let plain = Surveillance.Channel(coverage: 0.3)
        #expect(plain.effectiveCoverage == 0.3)
        let cameras = Surveillance.Channel(
            coverage: 0.3, camerasPerCapita: 0.2, recognitionAccuracy: 0.9, viewFactor: 4)
        #expect(
            abs(cameras.effectiveCoverage - 0.9 * (1 - exp(-0.8))) < 1e-12, "coverage is ignored once cameras are set")
        #expect(Surveillance.Channel(camerasPerCapita: 0).effectiveCoverage == 0)
        #expect(
            abs(Surveillance.Channel(camerasPerCapita: 1e6, recognitionAccuracy: 0.7).effectiveCoverage - 0.7) < 1e-12)
        let denser = Surveillance.Channel(camerasPerCapita: 0.25)
        #expect(denser.effectiveCoverage > Surveillance.Channel(camerasPerCapita: 0.05).effectiveCoverage)

        var scenario = Scenario(name: "cameras")
        scenario.regime.surveillance[.street] = cameras
        let tables = ConstantTables()
        let records = RecordMechanism.Constants(scenario: scenario, tables: tables)
        let quarrel = RegimeFixtures.index(of: "quarrel_with_neighbours", in: scenario)
        withExtendedLifetime(tables) {
            #expect(
                records.behaviours[quarrel].coverage == Float(cameras.effectiveCoverage),
                "the kernel records with the derived coverage")
        }
    }

    @Test("more street cameras mean fewer quarrels with neighbours, tick by tick")
    func camerasDeterStreetInfractions() throws {
        func scenario(cameras: Double) -> Scenario {
            var scenario = RegimeFixtures.society(
                name: "cameras", size: 3_000, ticks: 10, behaviours: ["quarrel_with_neighbours"])
            // A heavier street penalty than the default −5 makes the deterrent visible at this size.
            scenario.behaviours[0].points = -50
            scenario.regime.surveillance[.street].camerasPerCapita = cameras
            return scenario
        }
        let few = scenario(cameras: 0.01)
        let many = scenario(cameras: 0.5)
        let fewRows = try RegimeFixtures.run(few)
        let manyRows = try RegimeFixtures.run(many)
        for (a, b) in zip(fewRows, manyRows) {
            #expect(b[.acts][0] <= a[.acts][0], "tick \(a.tick)")
        }
        #expect(manyRows.reduce(0) { $0 + $1[.acts][0] } < fewRows.reduce(0) { $0 + $1[.acts][0] })
    }
}
