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
