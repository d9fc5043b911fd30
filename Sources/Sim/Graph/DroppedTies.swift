/// Ties a source left out while emitting.
struct DroppedTies: Equatable {
    /// Ties from a citizen to itself (edge lists and explicit tie lists only).
    var selfLoops = 0
    /// Ties that repeated one already emitted and were merged into it before reaching the sink.
    var duplicates = 0
}
