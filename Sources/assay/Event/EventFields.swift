import ArgumentParser
import AssayCore
import AssayStore

/// Event attributes shared by `event add` and `event edit`; in an edit, an empty value clears an optional field.
struct EventFields: ParsableArguments {
    @Option(
        help: "Event type, e.g. entity-list-listing, procurement-ban, market-exit (see 'assay event --help').",
        completion: .eventTypes)
    var type: String?

    @Option(help: "ISO 3166-1 alpha-2 country code, or a bloc: EU, EEA.")
    var jurisdiction: String?

    @Option(help: ArgumentHelp("When it was listed or announced.", valueName: "YYYY[-MM[-DD]]"))
    var announcedOn: String?

    @Option(help: ArgumentHelp("First day it applies (default: the announcement date).", valueName: "YYYY[-MM[-DD]]"))
    var effectiveFrom: String?

    @Option(help: ArgumentHelp("Last day it applied, inclusive.", valueName: "YYYY[-MM[-DD]]"))
    var effectiveTo: String?

    @Option(help: "Status: active, lifted, expired, disputed.")
    var status: String?

    @Flag(inversion: .prefixedNo, help: "Whether the event extends to the vendor's subsidiaries and affiliates.")
    var appliesToAffiliates: Bool?

    @Option(help: "Who acted, e.g. \"US Department of Commerce BIS\", FCC, \"UK government\".")
    var authority: String?

    @Option(help: "The program or legal instrument, e.g. \"Entity List\", \"Covered List\".")
    var program: String?

    @Option(help: "What it covers: products, network domains, uses.")
    var scope: String?

    @Option(help: "Where it was published.")
    var sourceUrl: String?

    @Option(help: "The source's own id for the record; identifies the event on re-import.")
    var sourceRecordId: String?

    @Option(help: "Free-text notes (cite the kind of source).")
    var notes: String?

    /// The given fields, parsed, naming the flag of any invalid value.
    func parsed() throws -> EventFieldValues {
        var values = EventFieldValues()
        values.type = try convert("--type", type, MarketEventType.init(parsing:))
        values.jurisdiction = try convert("--jurisdiction", jurisdiction, Jurisdiction.init(text:))
        values.announcedOn = try convert("--announced-on", announcedOn, PartialDate.init(parsing:))
        values.effectiveFrom = try Self.clearableDate("--effective-from", effectiveFrom)
        values.effectiveTo = try Self.clearableDate("--effective-to", effectiveTo)
        values.status = try convert("--status", status, MarketEventStatus.init(parsing:))
        values.appliesToAffiliates = appliesToAffiliates
        values.texts = [
            (\.authority, authority), (\.program, program), (\.scope, scope), (\.sourceUrl, sourceUrl),
            (\.sourceRecordId, sourceRecordId), (\.notes, notes),
        ].compactMap { path, text in text.map { (path, $0) } }
        return values
    }

    /// `nil` when not given; `.some(nil)` for an empty value, which clears the field.
    private static func clearableDate(_ flag: String, _ text: String?) throws -> PartialDate?? {
        guard let text else { return nil }
        return .some(text.isEmpty ? nil : try convert(flag) { () throws(ValueError) in try PartialDate(parsing: text) })
    }
}

/// Parsed event fields: `nil` leaves a field as it is.
struct EventFieldValues {
    var type: MarketEventType?
    var jurisdiction: Jurisdiction?
    var announcedOn: PartialDate?
    var effectiveFrom: PartialDate??
    var effectiveTo: PartialDate??
    var status: MarketEventStatus?
    var appliesToAffiliates: Bool?
    /// Text fields given, by the draft field they set (an empty text clears it).
    var texts: [(WritableKeyPath<MarketEventDraft, String?>, String)] = []

    func apply(to draft: inout MarketEventDraft) {
        if let type { draft.type = type }
        if let jurisdiction { draft.jurisdiction = jurisdiction }
        if let announcedOn { draft.announcedOn = announcedOn }
        if let effectiveFrom { draft.effectiveFrom = effectiveFrom }
        if let effectiveTo { draft.effectiveTo = effectiveTo }
        if let status { draft.status = status }
        if let appliesToAffiliates { draft.appliesToAffiliates = appliesToAffiliates }
        for (path, text) in texts { draft[keyPath: path] = text }
    }
}
