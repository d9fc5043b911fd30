/// The one 32-bit word per citizen and tick that the citizen's ties can see.
///
/// Packing everything neighbours read into one word means a tick reads each tie once. Bits not
/// listed are zero and reserved for later mechanisms.
public enum SignalWord {
    /// Set when the citizen expressed dissent at this tick.
    public static let expressedDissent: UInt32 = 1 << 0
    /// Set when the citizen is present (not detained) at this tick and so counts in its ties' shares.
    public static let present: UInt32 = 1 << 1
}
