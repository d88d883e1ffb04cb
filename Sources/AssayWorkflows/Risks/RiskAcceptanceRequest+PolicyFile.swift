import AssayAudit
import AssayStore

extension RiskAcceptanceRequest {
    /// Records the request against the policy in `policyFile` (the built-in policy when `nil`), whose longest
    /// acceptance for the finding's severity applies; see ``RiskAcceptanceRequest/record(in:policy:)``.
    public func record(in store: Store, policyFile: String?) throws -> Outcome {
        try record(in: store, policy: try PolicyFile.load(policyFile))
    }
}
