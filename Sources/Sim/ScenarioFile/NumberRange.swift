/// The allowed values of a number; every allowed number is finite.
public struct NumberRange: Sendable, Equatable, CustomStringConvertible {
    /// The lowest allowed value; nil for no lower bound.
    public var lower: Double?
    /// Whether `lower` itself is allowed.
    public var lowerInclusive = true
    /// The highest allowed value; nil for no upper bound.
    public var upper: Double?
    /// Whether `upper` itself is allowed.
    public var upperInclusive = true

    public init(lower: Double? = nil, lowerInclusive: Bool = true, upper: Double? = nil, upperInclusive: Bool = true) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    /// Every finite number.
    public static let any = NumberRange()
    /// [0, 1].
    public static let unit = NumberRange(lower: 0, upper: 1)
    /// (0, 1).
    public static let openUnit = NumberRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false)
    /// ≥ 0.
    public static let nonNegative = NumberRange(lower: 0)
    /// > 0.
    public static let positive = NumberRange(lower: 0, lowerInclusive: false)

    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if let lower, lowerInclusive ? value < lower : value <= lower { return false }
        if let upper, upperInclusive ? value > upper : value >= upper { return false }
        return true
    }

    /// The range as error messages state it: "a number in [0, 1]", "a number >= 0".
    public var description: String {
        switch (lower, upper) {
        case (.some, .some): "a number in \(notation)"
        case (nil, nil): "a finite number"
        default: "a number \(notation)"
        }
    }

    /// The range in mathematical notation: "[0, 1]", "(0, 1]", ">= 0", "< 5"; "any" for every
    /// finite number.
    public var notation: String {
        switch (lower, upper) {
        case (let lower?, let upper?):
            let open = lowerInclusive ? "[" : "("
            let close = upperInclusive ? "]" : ")"
            return "\(open)\(TOMLFormat.number(lower)), \(TOMLFormat.number(upper))\(close)"
        case (let lower?, nil):
            return "\(lowerInclusive ? ">=" : ">") \(TOMLFormat.number(lower))"
        case (nil, let upper?):
            return "\(upperInclusive ? "<=" : "<") \(TOMLFormat.number(upper))"
        case (nil, nil):
            return "any"
        }
    }
}
