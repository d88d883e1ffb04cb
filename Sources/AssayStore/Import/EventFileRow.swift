import AssayCore

/// Converts between one row of an event file (field name → text) and a draft, checking every field.
enum EventFileRow {
    /// The problems of one row, each naming its field.
    struct Problems: Error {
        var problems: [(field: String?, reason: String)]
    }

    /// A draft from a row's fields, or every problem with them.
    static func draft(_ fields: [String: String]) throws(Problems) -> MarketEventDraft {
        var problems: [(field: String?, reason: String)] = []
        func value<T>(_ field: String, required: Bool = false, _ parse: (String) throws(ValueError) -> T) -> T? {
            guard let text = fields[field]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                if required { problems.append((field, "required")) }
                return nil
            }
            do {
                return try parse(text)
            } catch {
                problems.append((field, error.description))
                return nil
            }
        }
        let vendor = value("vendor", required: true) { $0 }
        let type = value("type", required: true, MarketEventType.init(parsing:))
        let jurisdiction = value("jurisdiction", required: true, Jurisdiction.init(text:))
        let announcedOn = value("announcedOn", required: true, PartialDate.init(parsing:))
        let affiliates = value("appliesToAffiliates", parseFlag)
        let status = value("status", MarketEventStatus.init(parsing:))
        let from = value("effectiveFrom", PartialDate.init(parsing:))
        let to = value("effectiveTo", PartialDate.init(parsing:))
        guard let vendor, let type, let jurisdiction, let announcedOn, problems.isEmpty else {
            throw Problems(problems: problems)
        }
        var draft = MarketEventDraft(vendor: vendor, type: type, jurisdiction: jurisdiction, announcedOn: announcedOn)
        draft.appliesToAffiliates = affiliates ?? false
        draft.status = status ?? .active
        draft.effectiveFrom = from
        draft.effectiveTo = to
        draft.authority = fields["authority"]
        draft.program = fields["program"]
        draft.scope = fields["scope"]
        draft.sourceUrl = fields["sourceUrl"]
        draft.sourceRecordId = fields["sourceRecordId"]
        draft.notes = fields["notes"]
        do {
            try draft.check()
        } catch {
            throw Problems(problems: [("effectiveTo", error.description)])
        }
        return draft
    }

    /// An event's fields as written to a file; absent values are left out.
    static func fields(_ event: MarketEvent) -> [String: String] {
        let all: [String: String?] = [
            "vendor": event.vendor.name, "appliesToAffiliates": event.appliesToAffiliates ? "true" : "false",
            "jurisdiction": event.jurisdiction.code, "authority": event.authority, "type": event.type.rawValue,
            "program": event.program, "scope": event.scope, "announcedOn": event.announcedOn.description,
            "effectiveFrom": event.effectiveFrom?.description, "effectiveTo": event.effectiveTo?.description,
            "status": event.status.rawValue, "sourceUrl": event.sourceUrl, "sourceRecordId": event.sourceRecordId,
            "notes": event.notes,
        ]
        return all.compactMapValues { $0 }
    }

    /// `true`/`false` (also `yes`/`no`, `1`/`0`), case-insensitive.
    static func parseFlag(_ text: String) throws(ValueError) -> Bool {
        switch text.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default:
            throw ValueError.invalidEnumValue(field: "appliesToAffiliates", value: text, allowed: ["true", "false"])
        }
    }
}
