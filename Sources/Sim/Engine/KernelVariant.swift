/// A compile-time choice of what a specialisation of ``SocietyKernel`` may run.
///
/// The kernel's per-citizen code is generic over it, so the specialisation for the dissent model
/// alone carries no load, test or branch for mechanisms its scenarios never switch on. Which one a
/// tick uses is decided once per chunk, by ``RunConstants/runsRegime``.
protocol KernelVariant {
    /// Whether any mechanism beyond the dissent model (behaviours, sanctions, perks, peer rating,
    /// guilt by association, visibility) may be on; each is still switched by the scenario.
    static var runsRegime: Bool { get }
}

/// The dissent model alone: for scenarios where ``RunConstants/runsRegime`` is false.
enum DissentKernel: KernelVariant {
    static var runsRegime: Bool { false }
}

/// Every mechanism, each as the scenario switches it.
enum RegimeKernel: KernelVariant {
    static var runsRegime: Bool { true }
}
