/// Ties a source left out while emitting.
struct DroppedTies: Equatable {
    /// Ties from a citizen to itself (edge lists and explicit tie lists only).
    var selfLoops = 0
    /// Ties that repeated one already emitted and were merged into it before reaching the sink.
    var duplicates = 0
}

/// Something that emits a fixed sequence of undirected ties.
///
/// Graph assembly calls ``emit(into:)`` twice, first to count slots and then to fill them, so a
/// source must emit the same ties every time: generators draw from counter-based streams keyed by
/// citizen ids, never from state carried between calls.
protocol TieSource {
    /// What emitting can throw (`Never` for generators).
    associatedtype Failure: Error

    /// Sends every tie to `sink` and reports what was left out.
    func emit<Sink: TieSink>(into sink: inout Sink) throws(Failure) -> DroppedTies
}

/// An explicit list of undirected ties (for tests and small graphs); self-loops are dropped.
struct TieList: TieSource {
    let ties: [(UInt32, UInt32, TieKind)]

    func emit<Sink: TieSink>(into sink: inout Sink) -> DroppedTies {
        var dropped = DroppedTies()
        for (a, b, kind) in ties {
            if a == b {
                dropped.selfLoops += 1
            } else {
                sink.add(Int(a), Int(b), kind)
            }
        }
        return dropped
    }
}
