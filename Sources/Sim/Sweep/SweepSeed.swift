/// The seed of each run of a sweep, from the sweep's seed and the run's id alone.
///
/// `seed(run) = splitmix64(sweepSeed + 0x9E3779B97F4A7C15 · (run + 1)) >> 1`, arithmetic modulo
/// 2⁶⁴, where `splitmix64` is SplitMix64's output function
/// (`z ^= z >> 30; z &*= 0xBF58476D1CE4E5B9; z ^= z >> 27; z &*= 0x94D049BB133111EB; z ^= z >> 31`).
/// Before the shift this is the (run + 1)-th output of a SplitMix64 generator started at the sweep
/// seed; the shift keeps seeds below 2⁶³ so that every seed is a valid TOML integer. A run's seed
/// never depends on the other runs, the order they finish in, `--jobs` or `--shard`.
public enum SweepSeed {
    /// The seed of run `run` (0-based) of a sweep seeded with `sweepSeed`.
    public static func seed(sweepSeed: UInt64, run: Int) -> UInt64 {
        precondition(run >= 0, "run ids start at 0")
        var z = sweepSeed &+ 0x9E37_79B9_7F4A_7C15 &* (UInt64(run) &+ 1)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z >> 1
    }
}
