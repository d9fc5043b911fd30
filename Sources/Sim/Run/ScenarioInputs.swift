/// Checks of the files a scenario reads, for `simctl validate`.
public enum ScenarioInputs {
    /// Reads and checks the population file and edge list `scenario` names, throwing the first
    /// problem found (with file and line), without building anything.
    public static func check(_ scenario: Scenario) throws {
        if let file = scenario.population.file {
            let table = try PopulationTable.read(path: file)
            if let size = scenario.population.size, size != table.rowCount {
                throw InputError(file: file, message: "has \(table.rowCount) citizens but population.size is \(size)")
            }
        }
        if scenario.graph.model == .edgeList, let file = scenario.graph.file {
            let count = try GraphBuilder.citizenCount(ofEdgeList: file)
            if let size = scenario.population.size, count > size {
                throw InputError(file: file, message: "names citizen \(count - 1) but population.size is \(size)")
            }
        }
    }
}
