import Agents

/// One GSL generator per worker, for the rare draws that need GSL's samplers.
final class WorkerGenerators: @unchecked Sendable {
    private let generators: [PhiloxGSLGenerator]

    init(count: Int) {
        generators = (0..<count).map { _ in PhiloxGSLGenerator() }
    }

    subscript(worker: Int) -> PhiloxGSLGenerator { generators[worker] }
}
