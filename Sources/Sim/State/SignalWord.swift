/// The one 32-bit word per citizen and tick that the citizen's ties can see.
///
/// Packing everything neighbours read into one word means a tick reads each tie once, and keeping
/// it at 32 bits halves the memory a tick gathers from random places.
public enum SignalWord {
    /// Expressed dissent at this tick.
    public static let expressedDissent: UInt32 = 1 << 0
    /// Present (not detained): counts in its ties' shares.
    public static let present: UInt32 = 1 << 1
    /// On at least one list (any active sanction).
    public static let listed: UInt32 = 1 << 2
    /// Banned from flights or rail: its distant ties are inactive.
    public static let travelBanned: UInt32 = 1 << 3
    /// Stigmatized: listed, dissent on record, or score below `visibility.stigma_below`.
    public static let stigmatized: UInt32 = 1 << 4
    /// Latent dissent at this tick: would have expressed it were there no fear (read only by the
    /// metrics pass).
    public static let latentDissent: UInt32 = 1 << 5
    /// Under a school restriction: its family ties' children lose school places.
    public static let schoolRestricted: UInt32 = 1 << 6
    /// Bit of the first behaviour; behaviour b done at this tick sets bit `behaviourShift + b`
    /// (``Behaviour/maximumCount`` bits).
    public static let behaviourShift: UInt32 = 7
    /// The behaviour bits, once shifted down by `behaviourShift`.
    public static let behaviourBits: UInt32 = (1 << 12) - 1
    /// Bit of the score's 13-bit fraction of its range, q = round(8191 · (s − min) / (max − min)).
    public static let scoreShift: UInt32 = 19
    /// The largest score fraction value.
    public static let scoreFractionMax: UInt32 = (1 << 13) - 1
}
