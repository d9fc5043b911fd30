import CVector

/// An instruction set the vector kernels (``PhiloxBatch``, ``ConductBatch``, Sim's ratings) can
/// run with. Every level gives the same results; wider ones are only faster.
public enum VectorLevel: Int32, CaseIterable, Comparable, Sendable, BitwiseCopyable {
    /// Portable code: scalar, or the SIMD4 vectors Swift compiles for any CPU.
    case scalar = 0
    /// 256-bit AVX2 vectors (Philox blocks and Sim's ratings; the other kernels use portable code).
    case avx2 = 1
    /// 512-bit AVX-512 vectors (F, BW, VL and DQ).
    case avx512 = 2

    /// The widest level this CPU and operating system support.
    public static let best: VectorLevel = VectorLevel(rawValue: cvector_best_level()) ?? .scalar

    public static func < (lhs: VectorLevel, rhs: VectorLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
