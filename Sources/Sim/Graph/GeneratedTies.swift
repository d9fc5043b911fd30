/// Household cliques plus the ties of a social-tie generator.
///
/// A social tie between members of one household is dropped (the family tie stands for it) and
/// counted as a merged duplicate.
struct GeneratedTies<Social: TieSource>: TieSource {
    let households: HouseholdLayout
    let social: Social

    func emit<Sink: TieSink>(into sink: inout Sink) throws(Social.Failure) -> DroppedTies {
        households.emitCliques(into: &sink)
        var filter = FamilyOverlapFilter(base: sink, households: households)
        var dropped = try social.emit(into: &filter)
        sink = filter.base
        dropped.duplicates += filter.merged
        return dropped
    }
}
