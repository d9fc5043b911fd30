import Agents

/// The citizens' traits, one column per trait, indexed by citizen id 0..<count.
///
/// Immutable once made; the changing state of a run lives in ``SocietyState``.
public final class Population: @unchecked Sendable {
    /// Number of citizens.
    public let count: Int
    private let columns: [Column<Float>]

    /// A population of `count` citizens with every trait 0 (fill it with ``column(_:)``).
    public init(count: Int) {
        self.count = count
        columns = Trait.allCases.map { _ in Column(count: count, repeating: 0) }
    }

    /// The column of `trait`.
    public func column(_ trait: Trait) -> Column<Float> {
        columns[Trait.allCases.firstIndex(of: trait)!]
    }

    /// Bytes held by the trait columns.
    public var byteCount: Int { columns.reduce(0) { $0 + $1.byteCount } }

    /// Builds a population of `count` citizens: traits given by `table` are copied from it, the
    /// others drawn from `spec.traits` and clipped to each trait's range.
    ///
    /// Citizen i's draw for trait T comes from the stream (seed, i, 0, T's purpose), so the
    /// population depends only on (spec, count, seed), never on `threads`.
    public static func make(
        spec: PopulationSpec, count: Int, seed: UInt64, table: PopulationTable?, threads: Int
    ) -> Population {
        let population = Population(count: count)
        for trait in Trait.allCases {
            let column = population.column(trait)
            if let values = table?.columns[trait] {
                values.withUnsafeBufferPointer { column.base.update(from: $0.baseAddress!, count: count) }
                continue
            }
            let distribution = spec.traits[trait] ?? PopulationSpec.defaultTraits[trait]!
            let range = trait.range
            ChunkedParallel(count: count, threads: threads).forEachChunk { _, _, citizens in
                let generator = PhiloxGSLGenerator()
                for citizen in citizens {
                    generator.reset(seed: seed, entity: UInt32(citizen), tick: 0, purpose: trait.randomPurpose)
                    let value = distribution.sample(generator)
                    column[citizen] = Float(min(max(value, range.lowerBound), range.upperBound))
                }
            }
        }
        return population
    }
}
