/// The commented default policy that `assay audit policy init` writes; the default when no `--policy` is given.
public enum PolicyTemplate {
    public static let text = """
        # Assay audit policy (YAML). Schema: Schemas/audit-policy.schema.json.
        # Every key is required; `assay audit run --policy FILE` refuses a bad file with its line and reason.

        # Jurisdictions whose market-access restrictions (entity lists, bans, high-risk-vendor rules) matter,
        # as ISO 3166-1 alpha-2 codes or the blocs EU and EEA. An empty list [] means every jurisdiction.
        jurisdictions: [US, EU, GB]

        # Warn this many days before a certification's last valid day, at this severity. A certification is
        # reported once, at the shortest lead time it falls within.
        expiryWarnings:
          - days: 90
            severity: low
          - days: 30
            severity: medium
          - days: 7
            severity: high

        # Schemes each vendor must hold (valid on the audit day). A rule applies to the vendors of its tier
        # (1-4), of its relationship (supplier, prospect, former, monitored), of both when both are given,
        # or to every vendor when neither is.
        requiredSchemes:
          - tier: 1
            relationship: supplier
            schemes: [iso27001]

        escrow:
          # Days an escrow offer may stay without any deposit.
          depositAllowanceDays: 90
          # Days after which the last successful verification of the latest deposit is too old.
          maxVerificationAgeDays: 365

        # Severity (info, low, medium, high, critical) of each finding kind.
        severities:
          certification-expired: high
          certification-suspended: medium
          certification-withdrawn: high
          certification-revoked: high
          required-scheme-missing: high
          x509-weak: medium
          x509-expired: high
          escrow-deposit-overdue: medium
          escrow-never-verified: medium
          escrow-verification-stale: medium
          escrow-verification-failed: high
          registry-archived: medium
          registry-revoked: high
          registry-not-found: high
          registry-not-covered: medium
          registry-dates-disagree: low
          market-restriction: high
          audit-log-broken: critical
          records-tampered: critical
          acceptance-expired: medium
          acceptance-stale: low
          binary-differs: high
          binary-without-provenance: medium
          provenance-signature-invalid: high
          rebuild-not-reproducible: medium

        # Accepted risks ('assay risk accept'): the longest an acceptance may run, in days from the day it is made
        # to its last day, for a finding of each severity; none: findings of that severity cannot be accepted.
        # 'risk accept' refuses a longer acceptance; an audit ends one at this limit (acceptance-expired). This one
        # key may be left out: these limits then apply.
        acceptance:
          maxDays:
            critical: none
            high: 90
            medium: 180
            low: 365
            info: 365

        """
}
