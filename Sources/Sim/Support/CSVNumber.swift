/// Number formatting for CSV cells: the shortest text that reads back as the same Double.
public enum CSVNumber {
    /// `value` in shortest round-trip form; integral values keep a trailing ".0" so a column's
    /// type never changes between rows. Non-finite values are written as `nan`, `inf`, `-inf`.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value == 0 ? "0.0" : value.description
    }
}
