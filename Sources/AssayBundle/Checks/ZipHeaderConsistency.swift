/// Compares each zip member's name in the central directory with the name in its local header.
///
/// libarchive reports the local name, while `unzip` and most extractors trust the central directory: a zip whose
/// two headers disagree shows a reviewer one file and installs another (a known parser-differential attack).
enum ZipHeaderConsistency {
    /// One error finding per member whose names disagree.
    static func findings(_ records: [ZipDirectory.Record]) -> [BundleFinding] {
        records.compactMap { record in
            guard let local = record.localName, local != record.centralName else { return nil }
            return BundleFinding(
                .headerMismatch, .error, path: EntryPath(bytes: record.centralName),
                "local header names it '\(EntryPath(bytes: local))'")
        }
    }
}
