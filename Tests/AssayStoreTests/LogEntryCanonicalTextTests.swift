import AssayCore
import Testing

@testable import AssayStore

/// The canonical text an entry's hash covers never changes: old logs must verify. Pinned byte for byte, for plain
/// fields and for fields that need escapes.
@Suite struct LogEntryCanonicalTextTests {
    @Test func plainFieldsAreQuotedInAFixedOrder() {
        let entry = LogEntry(
            seq: 42, recordedAt: "2026-06-01T10:00:00Z", actor: "alice", action: "cert.add", entity: "certification",
            entityId: "7", vendorId: 3, change: "{\"after\":{\"id\":7}}", rows: "certification\t[7]\t{}",
            prevHash: LogEntry.genesisHash, hash: "")
        #expect(
            entry.canonicalText
                == "{\"action\":\"cert.add\",\"actor\":\"alice\",\"change\":{\"after\":{\"id\":7}},"
                + "\"entity\":\"certification\",\"entityId\":\"7\",\"recordedAt\":\"2026-06-01T10:00:00Z\","
                + "\"seq\":42,\"vendorId\":3}")
    }

    @Test func fieldsWithQuotesBackslashesAndControlsAreEscaped() {
        let entry = LogEntry(
            seq: 1, recordedAt: "2026-06-01T10:00:00Z", actor: "o\"brien\\\n", action: "vendor.add", entity: "vendor",
            entityId: "tab\there", vendorId: nil, change: "[]", rows: nil, prevHash: LogEntry.genesisHash, hash: "")
        #expect(
            entry.canonicalText
                == "{\"action\":\"vendor.add\",\"actor\":\"o\\\"brien\\\\\\n\",\"change\":[],\"entity\":\"vendor\","
                + "\"entityId\":\"tab\\there\",\"recordedAt\":\"2026-06-01T10:00:00Z\",\"seq\":1,\"vendorId\":null}")
        #expect(entry.canonicalText.contains(CanonicalJSON.quote(entry.actor)))
    }
}
