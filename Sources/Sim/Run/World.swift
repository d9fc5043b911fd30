/// The citizens and their ties, as a scenario makes them before the first tick.
public struct World {
    /// The citizens' traits.
    public let population: Population
    /// Their ties.
    public let graph: SocialGraph
    /// What the graph builder made.
    public let report: GraphReport

    /// Builds `scenario`'s population and graph.
    ///
    /// The population size is `population.size` if given, else the population file's row count,
    /// else the edge list's citizen count, else ``PopulationSpec/defaultSize``; sizes that
    /// disagree are an error.
    public static func build(_ scenario: Scenario, threads: Int) throws -> World {
        let table = try scenario.population.file.map { path throws(InputError) in try PopulationTable.read(path: path) }
        var count = scenario.population.size
        if let table {
            if let count, count != table.rowCount {
                throw InputError(
                    file: scenario.population.file!,
                    message: "has \(table.rowCount) citizens but population.size is \(count)")
            }
            count = table.rowCount
        }
        if count == nil && scenario.graph.model != .edgeList {
            count = PopulationSpec.defaultSize
        }
        let (graph, report) = try GraphBuilder.build(
            spec: scenario.graph, citizenCount: count, seed: scenario.seed, threads: threads)
        guard graph.citizenCount > 0 else {
            throw InputError(file: scenario.graph.file ?? "scenario", message: "the population is empty")
        }
        let population = Population.make(
            spec: scenario.population, count: graph.citizenCount, seed: scenario.seed, table: table, threads: threads)
        return World(population: population, graph: graph, report: report)
    }
}
