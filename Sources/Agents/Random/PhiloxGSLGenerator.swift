import CGSL

/// A GSL generator (`gsl_rng`) whose numbers come from a ``RandomStream``, so GSL's samplers
/// (beta, gamma, lognormal, ...) draw deterministically per citizen.
///
/// Before each citizen's draws, ``reset(seed:entity:tick:purpose:)`` points the generator at that
/// citizen's stream; what was drawn before has no influence. One instance per worker: it is not
/// safe to share between threads, but the numbers it yields do not depend on which worker owns it.
public final class PhiloxGSLGenerator {
    /// The generator, for passing to GSL's `gsl_ran_*` functions.
    public let rng: UnsafeMutablePointer<gsl_rng>

    public init() {
        GSLRuntime.prepare()
        guard let rng = gsl_rng_alloc(PhiloxGSLGenerator.type) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        self.rng = rng
    }

    deinit {
        gsl_rng_free(rng)
    }

    /// Points the generator at the stream for (`seed`, `entity`, `tick`, `purpose`).
    @inlinable
    public func reset(seed: UInt64, entity: UInt32, tick: UInt32, purpose: RandomPurpose) {
        rng.pointee.state.assumingMemoryBound(to: RandomStream.self).pointee = RandomStream(
            seed: seed, entity: entity, tick: tick, purpose: purpose)
    }

    /// The `gsl_rng_type` describing the generator to GSL: 32-bit output, state a ``RandomStream``.
    /// Immutable once built; GSL only reads it.
    nonisolated(unsafe) static let type: UnsafePointer<gsl_rng_type> = {
        let type = UnsafeMutablePointer<gsl_rng_type>.allocate(capacity: 1)
        type.initialize(
            to: gsl_rng_type(
                name: UnsafePointer(strdupName("philox4x32-10")),
                max: UInt(UInt32.max),
                min: 0,
                size: MemoryLayout<RandomStream>.stride,
                set: { state, seed in
                    state!.assumingMemoryBound(to: RandomStream.self).initialize(
                        to: RandomStream(seed: UInt64(seed), entity: 0, tick: 0, purpose: .hardship))
                },
                get: { state in
                    UInt(state!.assumingMemoryBound(to: RandomStream.self).pointee.nextUInt32())
                },
                get_double: { state in
                    Double(state!.assumingMemoryBound(to: RandomStream.self).pointee.nextUInt32()) * 0x1p-32
                }
            ))
        return UnsafePointer(type)
    }()

    private static func strdupName(_ name: String) -> UnsafeMutablePointer<CChar> {
        let bytes = Array(name.utf8CString)
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        copy.initialize(from: bytes, count: bytes.count)
        return copy
    }
}
