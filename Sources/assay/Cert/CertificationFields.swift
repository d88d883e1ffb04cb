import ArgumentParser
import AssayCore
import AssayStore

/// Certification attributes shared by `cert add` and `cert edit`. In an edit only the fields given change, and an
/// empty value clears an optional one (`--valid-until ""`, `--version ""` clears the covered versions).
struct CertificationFields: ParsableArguments {
    @OptionGroup var scheme: SchemeOptions

    @Option(help: "The certificate number.")
    var number: String?

    @Option(help: "The issuer or certification body.")
    var issuer: String?

    @Option(help: "The evaluation laboratory.")
    var lab: String?

    @Option(help: "The certified scope.")
    var scope: String?

    @Option(help: ArgumentHelp("First day of validity.", valueName: "YYYY-MM-DD"))
    var issuedOn: String?

    @Option(help: ArgumentHelp("Last day of validity.", valueName: "YYYY-MM-DD"))
    var validUntil: String?

    @Option(help: "Scheme level: EAL4+, 2, II, substantial…")
    var level: String?

    @Option(help: "A Common Criteria augmentation such as ALC_FLR.2 (repeatable; the given ones replace the list).")
    var augmentation: [String] = []

    @Option(help: ArgumentHelp("SOC 2 audit period.", valueName: "FROM..TO"))
    var auditPeriod: String?

    @Option(help: "The certified product (created under the vendor if new).")
    var product: String?

    @Option(
        name: .customLong("version"),
        help: "A product version the certification covers (repeatable; the given ones replace the list).")
    var versions: [String] = []

    @Option(help: "Status: active, suspended, withdrawn, revoked (in 'cert add', the initial one; default active).")
    var status: String?

    @Option(help: "Free-text notes.")
    var notes: String?

    /// The given fields, parsed, naming the flag of any invalid value.
    func parsed() throws -> CertificationFieldValues {
        var values = CertificationFieldValues()
        values.scheme = try scheme.parsed()
        values.texts = [
            (\.number, number), (\.issuer, issuer), (\.lab, lab), (\.scope, scope), (\.level, level),
            (\.product, product), (\.notes, notes),
        ].compactMap { path, text in text.map { (path, $0.isEmpty ? nil : $0) } }
        values.issuedOn = try Self.clearable("--issued-on", issuedOn, CalendarDate.init(iso:))
        values.validUntil = try Self.clearable("--valid-until", validUntil, CalendarDate.init(iso:))
        values.auditPeriod = try Self.clearable("--audit-period", auditPeriod, DateRange.parse)
        values.augmentations = augmentation.isEmpty ? nil : augmentation.filter { !$0.isEmpty }
        values.versions = versions.isEmpty ? nil : versions.filter { !$0.isEmpty }
        values.status = try convert("--status", status, CertificationStatus.init(parsing:))
        return values
    }

    /// `nil` when not given; `.some(nil)` for an empty value, which clears the field.
    private static func clearable<T>(_ flag: String, _ text: String?, _ parse: (String) throws(ValueError) -> T)
        throws -> T??
    {
        guard let text else { return nil }
        return .some(text.isEmpty ? nil : try convert(flag, text, parse))
    }
}

/// Parsed certification fields: `nil` leaves a field as it is.
struct CertificationFieldValues {
    var scheme: CertificationScheme?
    /// Text fields given, by the draft field they set (`nil` clears it).
    var texts: [(WritableKeyPath<CertificationDraft, String?>, String?)] = []
    var issuedOn: CalendarDate??
    var validUntil: CalendarDate??
    var auditPeriod: ClosedRange<CalendarDate>??
    var augmentations: [String]?
    var versions: [String]?
    var status: CertificationStatus?

    func apply(to draft: inout CertificationDraft) {
        if let scheme { draft.scheme = scheme }
        for (path, text) in texts { draft[keyPath: path] = text }
        if let issuedOn { draft.issuedOn = issuedOn }
        if let validUntil { draft.validUntil = validUntil }
        if let auditPeriod { draft.auditPeriod = auditPeriod }
        if let augmentations { draft.augmentations = augmentations }
        if let versions { draft.coveredVersions = versions }
        if let status { draft.status = status }
    }
}

/// `FROM..TO` day ranges.
enum DateRange {
    static func parse(_ text: String) throws(ValueError) -> ClosedRange<CalendarDate> {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2 else { throw ValueError.invalidDate(text) }
        let from = try CalendarDate(iso: parts[0])
        let to = try CalendarDate(iso: parts[1])
        guard from <= to else { throw ValueError.invalidDate(text) }
        return from...to
    }
}
