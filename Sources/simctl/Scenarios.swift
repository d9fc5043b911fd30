import ArgumentParser
import Sim

extension Simctl {
    /// `simctl scenarios`: list shipped scenarios or show one resolved.
    struct Scenarios: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List shipped scenarios, or print one fully resolved (defaults and extends applied).")

        @Argument(help: "A shipped scenario's name or a scenario file.")
        var name: String?

        func run() throws {
            try reportingErrors {
                let library = ScenarioLibrary.default
                guard let name else {
                    guard let folder = library.folder else {
                        throw CommandError("no shipped scenarios found (set SIMCTL_SCENARIOS to the scenarios folder)")
                    }
                    print("Shipped scenarios in \(folder):")
                    let loader = ScenarioLoader(library: library)
                    for entry in library.names() {
                        let description =
                            (try? loader.load(path: library.path(named: entry)!))?.scenario.description ?? ""
                        print("  \(entry.padding(toLength: 22, withPad: " ", startingAt: 0)) \(description)")
                    }
                    return
                }
                print(try ScenarioLoader(library: library).load(path: name).resolvedTOML, terminator: "")
            }
        }
    }
}
