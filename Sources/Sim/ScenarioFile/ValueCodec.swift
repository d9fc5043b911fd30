import Agents

/// How the values of one kind of key are read from a scenario table, checked, and written back as
/// TOML.
struct ValueCodec<Value>: Sendable {
    /// The value type as the key table publishes it.
    var type: ScenarioKey.ValueType
    /// The numbers allowed, for number and integer keys.
    var range: NumberRange?
    /// Reads `key` of `table`; nil when it was not written. `current` is the value so far, the
    /// base a partial distribution table adjusts.
    var read: @Sendable (_ table: inout TableReader, _ key: String, _ current: Value?) throws(ScenarioError) -> Value?
    /// The value as TOML text; nil when the key is left out.
    var write: @Sendable (Value) -> String?

    /// This codec for an optional value: nil is not written.
    var optional: ValueCodec<Value?> {
        let read = read
        let write = write
        return ValueCodec<Value?>(
            type: type, range: range,
            read: { table, key, current throws(ScenarioError) -> Value?? in
                // Not written is nil, not a written nil.
                guard let value = try read(&table, key, current ?? nil) else { return nil }
                return value
            },
            write: { value in value.flatMap(write) })
    }

    /// This codec for values stored as another type.
    func map<Other>(_ forward: @escaping @Sendable (Value) -> Other, back: @escaping @Sendable (Other) -> Value)
        -> ValueCodec<Other>
    {
        let read = read
        let write = write
        return ValueCodec<Other>(
            type: type, range: range,
            read: { table, key, current throws(ScenarioError) in try read(&table, key, current.map(back)).map(forward)
            },
            write: { write(back($0)) })
    }
}

extension ValueCodec where Value == Double {
    /// A number in `range`.
    static func number(_ range: NumberRange = .any) -> ValueCodec {
        ValueCodec(
            type: .number, range: range == .any ? nil : range,
            read: { table, key, _ throws(ScenarioError) in try table.number(key, range) },
            write: { TOMLFormat.number($0) })
    }

    /// Any TOML number, even an infinite one: for a key that a rule of its table bounds by other
    /// keys' values, right after it is read.
    static let unboundedNumber = ValueCodec(
        type: .number, range: nil,
        read: { table, key, _ throws(ScenarioError) in try table.number(key, nil) },
        write: { TOMLFormat.number($0) })
}

extension ValueCodec where Value: FixedWidthInteger & Sendable {
    /// A TOML integer ≥ `minimum`.
    static func integer(atLeast minimum: Int) -> ValueCodec {
        ValueCodec(
            type: .integer, range: NumberRange(lower: Double(minimum)),
            read: { table, key, _ throws(ScenarioError) in try table.integer(key, atLeast: minimum).map { Value($0) } },
            write: { String($0) })
    }
}

extension ValueCodec where Value == Bool {
    static let boolean = ValueCodec(
        type: .boolean, range: nil, read: { table, key, _ throws(ScenarioError) in try table.bool(key) },
        write: { String($0) })
}

extension ValueCodec where Value == String {
    static let string = ValueCodec(
        type: .string, range: nil, read: { table, key, _ throws(ScenarioError) in try table.string(key) },
        write: { TOMLFormat.string($0) })

    /// A file path, made absolute against the folder of the scenario file that wrote it.
    static let filePath = ValueCodec(
        type: .filePath, range: nil, read: { table, key, _ throws(ScenarioError) in try table.filePath(key) },
        write: { TOMLFormat.string($0) })
}

extension ValueCodec where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
    /// One of the raw values of `Value`.
    static var choice: ValueCodec {
        ValueCodec(
            type: .choice(Value.allCases.map(\.rawValue)), range: nil,
            read: { table, key, _ throws(ScenarioError) in try table.choice(key, of: Value.self) },
            write: { TOMLFormat.string($0.rawValue) })
    }
}

extension ValueCodec {
    /// An array of raw values of `Choice`, none twice.
    static func choices<Choice: RawRepresentable & CaseIterable & Sendable>(of: Choice.Type) -> ValueCodec
    where Value == [Choice], Choice.RawValue == String {
        ValueCodec(
            type: .choices(Choice.allCases.map(\.rawValue)), range: nil,
            read: { table, key, _ throws(ScenarioError) in try table.choices(key, of: Choice.self) },
            write: { TOMLFormat.strings($0.map(\.rawValue)) })
    }
}

extension ValueCodec where Value == Distribution {
    /// A distribution table; one without `distribution` adjusts the current distribution.
    static let distribution = ValueCodec(
        type: .distribution, range: nil,
        read: { table, key, current throws(ScenarioError) in
            try DistributionKind.read(&table, key, base: current ?? .constant(value: 0))
        },
        write: { DistributionKind.inlineTable($0) })
}

extension ValueCodec where Value == [LegitimacySchedule.Point] {
    /// `[tick, value]` pairs, ticks strictly increasing from 0 or more, values in [0, 1].
    static let schedule = ValueCodec(
        type: .schedule, range: nil,
        read: { table, key, _ throws(ScenarioError) in
            guard let node = table.node(key) else { return nil }
            let path = table.path + [key]
            var points: [LegitimacySchedule.Point] = []
            for (index, element) in try TableReader.array(node, at: path).enumerated() {
                let elementPath = path + ["[\(index)]"]
                let pair = try TableReader.array(element, at: elementPath)
                guard pair.count == 2 else {
                    throw element.error(
                        .invalidValue, at: elementPath, "expected a [tick, value] pair, got \(pair.count) elements")
                }
                let after = points.last.map { NumberRange(lower: $0.tick, lowerInclusive: false) }
                let tick = try TableReader.number(pair[0], at: elementPath + ["[0]"], after ?? .nonNegative)
                let value = try TableReader.number(pair[1], at: elementPath + ["[1]"], .unit)
                points.append(LegitimacySchedule.Point(tick: tick, value: value))
            }
            return points
        },
        write: { points in "[" + points.map { TOMLFormat.numbers([$0.tick, $0.value]) }.joined(separator: ", ") + "]" })
}

extension ValueCodec where Value == Int? {
    /// A number of ticks ≥ 1, or `"permanent"` (nil).
    static let duration = ValueCodec(
        type: .duration, range: nil,
        read: { table, key, _ throws(ScenarioError) in
            guard let node = table.node(key) else { return nil }
            switch node.value {
            case .integer(let ticks) where ticks >= 1: return .some(ticks)
            case .string("permanent"): return .some(nil)
            default:
                throw node.error(
                    .invalidValue, at: table.path + [key],
                    "expected an integer >= 1 or \"permanent\", got \(node.summary)")
            }
        },
        write: { ticks in ticks.map { String($0) } ?? TOMLFormat.string("permanent") })
}
