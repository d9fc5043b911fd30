/// Why a social graph could not be built. Each description is one line naming the culprit.
public enum GraphError: Error, Equatable, CustomStringConvertible {
    /// The edge-list file could not be opened or read; `reason` is the system's explanation.
    case unreadableEdgeList(path: String, reason: String)
    /// Line `line` (1-based) of the edge list is neither a tie, a comment nor blank.
    case malformedTie(path: String, line: Int, text: String)
    /// Line `line` names citizen `id` (as written), which is not in 0..<`citizenCount`.
    case citizenOutOfRange(path: String, line: Int, id: String, citizenCount: Int)
    /// The model is `edge-list` but `graph.file` is not set.
    case missingEdgeListFile
    /// A generator was asked to build a graph without a population size.
    case missingCitizenCount(model: GraphSpec.Model)

    public var description: String {
        switch self {
        case .unreadableEdgeList(let path, let reason):
            "\(path): cannot read edge list: \(reason)"
        case .malformedTie(let path, let line, let text):
            "\(path):\(line): expected two citizen ids 'a b' or 'a,b', got \"\(text)\""
        case .citizenOutOfRange(let path, let line, let id, let citizenCount):
            "\(path):\(line): citizen id \(id) is outside 0..<\(citizenCount)"
        case .missingEdgeListFile:
            "graph.model = \"edge-list\" needs graph.file"
        case .missingCitizenCount(let model):
            "graph.model = \"\(model.rawValue)\" needs a population size"
        }
    }
}
