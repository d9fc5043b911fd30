import Agents
import CGSL
import Testing

@Suite("GSL shim")
struct GSLShimTests {
    @Test("the Sobol accessor hands out GSL's Sobol sequence: (1/2, 1/2), (3/4, 1/4), (1/4, 3/4)")
    func sobolAccessor() throws {
        let generator = try #require(gsl_qrng_alloc(cgsl_qrng_type_sobol(), 2))
        defer { gsl_qrng_free(generator) }
        var point = [Double](repeating: 0, count: 2)
        var points: [[Double]] = []
        for _ in 0..<3 {
            #expect(gsl_qrng_get(generator, &point) == GSL_SUCCESS)
            points.append(point)
        }
        #expect(points == [[0.5, 0.5], [0.75, 0.25], [0.25, 0.75]])
    }

    @Test("with the abort handler off, an invalid call returns an error instead of aborting")
    func errorsAreReturned() {
        GSLRuntime.prepare()
        let weights = [-1.0]
        #expect(gsl_ran_discrete_preproc(1, weights) == nil, "a negative weight is invalid")
    }
}
