/// Passes ties on to `base` unless both ends share a household, in which case the tie already
/// exists as a family tie and is only counted.
struct FamilyOverlapFilter<Base: TieSink>: TieSink {
    var base: Base
    let households: HouseholdLayout
    /// Ties dropped because they duplicated a family tie.
    private(set) var merged = 0

    init(base: Base, households: HouseholdLayout) {
        self.base = base
        self.households = households
    }

    @inline(__always)
    mutating func add(_ a: Int, _ b: Int, _ kind: TieKind) {
        if households.shareHousehold(a, b) {
            merged += 1
        } else {
            base.add(a, b, kind)
        }
    }
}
