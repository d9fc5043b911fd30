/// The program version recorded in every manifest. Outputs for a given (scenario, seed) are
/// byte-identical across runs of the same version.
public enum SimulatorVersion {
    public static let current = "0.2.0"
}
