import AssayStore

extension Output {
    /// Prints what an import did: added, updated and unchanged counts.
    static func emit(_ summary: ImportSummary, format: OutputFormat) throws {
        try emitRecord(summary, format: format, fields: [
            ("added", "\(summary.added)"), ("updated", "\(summary.updated)"), ("unchanged", "\(summary.unchanged)"),
        ])
    }
}
