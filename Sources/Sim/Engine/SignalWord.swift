/// The one 64-bit word per citizen and tick that the citizen's ties can see.
///
/// Packing everything neighbours read into one word means a tick reads each tie once. Bits not
/// listed are zero and reserved.
public enum SignalWord {
    /// Expressed dissent at this tick.
    public static let expressedDissent: UInt64 = 1 << 0
    /// Present (not detained): counts in its ties' shares.
    public static let present: UInt64 = 1 << 1
    /// On at least one list (any active sanction).
    public static let listed: UInt64 = 1 << 2
    /// Banned from flights or rail: its distant ties are inactive.
    public static let travelBanned: UInt64 = 1 << 3
    /// Stigmatized: listed, dissent on record, or score below `visibility.stigma_below`.
    public static let stigmatized: UInt64 = 1 << 4
    /// Privately dissenting at this tick (read only by the metrics pass).
    public static let privateDissent: UInt64 = 1 << 5
    /// Under a school restriction: its family ties' children lose school places.
    public static let schoolRestricted: UInt64 = 1 << 6
    /// Bit of the first behaviour; behaviour b done at this tick sets bit `behaviourShift + b`.
    public static let behaviourShift: UInt64 = 8
    /// Bit of the score's 16-bit fraction of its range, q = round(65535 · (s − min) / (max − min)).
    public static let scoreShift: UInt64 = 32

    /// The largest score fraction value.
    public static let scoreFractionMax: UInt64 = 0xFFFF
}
