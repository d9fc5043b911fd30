import Agents
import CGSL

/// Points of GSL's Sobol quasi-random sequence (`gsl_qrng_sobol`), for Sobol sweeps.
enum SweepSobol {
    /// The first `count` points of the `dimensions`-dimensional sequence, each coordinate in
    /// [0, 1). GSL's sequence starts at (1/2, …, 1/2), then (3/4, 1/4, …), …; it is fixed, so the
    /// points depend only on `count` and `dimensions`.
    static func points(count: Int, dimensions: Int) -> [[Double]] {
        precondition((1...SweepFile.maximumSobolAxes).contains(dimensions) && count >= 0, "Sobol plan")
        GSLRuntime.prepare()
        guard let generator = gsl_qrng_alloc(cgsl_qrng_type_sobol(), UInt32(dimensions)) else {
            preconditionFailure("GSL cannot allocate a \(dimensions)-dimensional Sobol generator")
        }
        defer { gsl_qrng_free(generator) }
        var point = [Double](repeating: 0, count: dimensions)
        return (0..<count).map { _ in
            let status = gsl_qrng_get(generator, &point)
            precondition(status == GSL_SUCCESS, "GSL's Sobol generator failed (\(status))")
            return point
        }
    }
}
