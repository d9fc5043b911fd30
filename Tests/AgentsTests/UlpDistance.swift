/// How many representable values apart two floating-point numbers are: 0 when equal (+0 and −0
/// too), 1 for neighbours, counted across zero; infinity is the neighbour of the largest finite
/// value. Not meaningful for NaN.
enum UlpDistance {
    static func between(_ a: Double, _ b: Double) -> Int64 {
        distance(position(a.bitPattern, width: 64), position(b.bitPattern, width: 64))
    }

    static func between(_ a: Float, _ b: Float) -> Int64 {
        distance(position(UInt64(a.bitPattern), width: 32), position(UInt64(b.bitPattern), width: 32))
    }

    /// A bit pattern of `width` bits as a signed position on the number line.
    private static func position(_ bits: UInt64, width: Int) -> Int64 {
        let sign: UInt64 = 1 << (width - 1)
        let magnitude = Int64(bits & (sign - 1))
        return bits & sign == 0 ? magnitude : -magnitude
    }

    private static func distance(_ a: Int64, _ b: Int64) -> Int64 {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? .max : Int64(clamping: difference.magnitude)
    }
}
