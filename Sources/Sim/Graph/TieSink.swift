/// Receives undirected ties from a ``TieSource``, one call per tie.
protocol TieSink {
    /// Takes the undirected tie {`a`, `b`} of `kind`; `a != b`, both in 0..<citizenCount.
    mutating func add(_ a: Int, _ b: Int, _ kind: TieKind)
}
