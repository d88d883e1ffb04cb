/// Which artefacts `artifact verify` gives verdicts on, and against which expectations.
public enum ArtifactSelection: Sendable, Equatable {
    /// These artefacts, against the expectations of their vendors' deposits.
    case artifacts([Int64])
    /// A vendor's artefacts, against the expectations of its deposits.
    case vendor(String)
    /// The artefacts of a deposit's vendor, against that deposit's expectations only.
    case deposit(Int64)
    /// Every artefact.
    case all

    /// How the run's scope is recorded.
    var scope: String {
        switch self {
        case .artifacts(let ids): "artifacts " + ids.map(String.init).joined(separator: ", ")
        case .vendor(let vendor): "vendor \(vendor)"
        case .deposit(let id): "deposit \(id)"
        case .all: "all"
        }
    }
}
