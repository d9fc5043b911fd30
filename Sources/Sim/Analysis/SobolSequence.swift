import Agents
import CGSL

/// Points of GSL's Sobol quasi-random sequence (`gsl_qrng_sobol`), for Sobol and Saltelli sweeps.
enum SobolSequence {
    /// Most dimensions GSL's Sobol generator gives.
    static let maximumDimensions = 40

    /// Points `skip ..< skip + count` (0-based) of the `dimensions`-dimensional sequence, each
    /// coordinate in [0, 1). GSL's sequence starts at (1/2, …, 1/2), then (3/4, 1/4, …), … (it
    /// leaves out the origin, where the sequence as usually numbered starts); it is fixed, so the
    /// points depend only on `skip`, `count` and `dimensions`.
    static func points(count: Int, dimensions: Int, skip: Int = 0) -> [[Double]] {
        precondition((1...maximumDimensions).contains(dimensions) && count >= 0 && skip >= 0, "Sobol points")
        GSLRuntime.prepare()
        guard let generator = gsl_qrng_alloc(cgsl_qrng_type_sobol(), UInt32(dimensions)) else {
            preconditionFailure("GSL cannot allocate a \(dimensions)-dimensional Sobol generator")
        }
        defer { gsl_qrng_free(generator) }
        var point = [Double](repeating: 0, count: dimensions)
        func next() -> [Double] {
            let status = gsl_qrng_get(generator, &point)
            precondition(status == GSL_SUCCESS, "GSL's Sobol generator failed (\(status))")
            return point
        }
        for _ in 0..<skip { _ = next() }
        return (0..<count).map { _ in next() }
    }
}
