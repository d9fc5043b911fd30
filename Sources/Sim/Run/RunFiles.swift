/// The names of the files a run writes into its folder.
public enum RunFiles {
    /// One row per tick (docs/MODEL.md, "Metrics").
    public static let timeseries = "timeseries.csv"
    /// One row: key parameters and final metrics.
    public static let summary = "summary.csv"
    /// What was run and the SHA-256 of each other file; written last.
    public static let manifest = "manifest.json"
}
