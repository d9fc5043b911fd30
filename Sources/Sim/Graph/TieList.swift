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
