import CVector

/// An instruction set the vector kernels (``PhiloxBatch``, ``ConductBatch``, Sim's tie sums and
/// ratings) can run with, each kernel having an AVX2 and an AVX-512 version. Every level gives the
/// same results; wider ones are only faster.
public enum VectorLevel: Int32, CaseIterable, Comparable, Sendable, BitwiseCopyable {
    /// Portable code: scalar, or the SIMD4 vectors Swift compiles for any CPU.
    case scalar = 0
    /// 256-bit AVX2 vectors, without fused multiply-add (every lane rounds as the portable code).
    case avx2 = 1
    /// 512-bit AVX-512 vectors (F, BW, VL and DQ).
    case avx512 = 2

    /// The widest level this CPU and operating system support.
    public static let best: VectorLevel = VectorLevel(rawValue: cvector_best_level()) ?? .scalar

    /// The level's name on the command line: `scalar`, `avx2` or `avx512`.
    public var name: String {
        switch self {
        case .scalar: "scalar"
        case .avx2: "avx2"
        case .avx512: "avx512"
        }
    }

    /// The level named `name` (see ``name``), or nil.
    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }

    public static func < (lhs: VectorLevel, rhs: VectorLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
