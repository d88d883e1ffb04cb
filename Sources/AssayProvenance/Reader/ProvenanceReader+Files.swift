public import AssayCore
import Foundation

extension ProvenanceReader {
    /// The claims several files make together.
    ///
    /// With an in-toto layout among them, the layout is evaluated with the in-toto links given beside it
    /// (``InTotoLayout/evaluate(links:policy:now:)``): claims only for the products meeting each step's threshold,
    /// none when the layout has expired; every other file is read on its own
    /// (``claims(from:place:policy:)``). Without a layout, links too are read one by one.
    ///
    /// - Parameters:
    ///   - policy: the keys, trusted root and OpenPGP keyring signatures are checked with.
    ///   - asOf: the day whose end the layout's expiry is judged at, instead of now; the evaluation and its claims
    ///     then say so in a remark.
    /// - Throws: ``ProvenanceError/unsupported(place:what:)`` naming the second layout when two are given, and the
    ///   errors of the single-file reader and of the layout's evaluation.
    public static func claims(from files: [ProvenanceInput], policy: VerificationPolicy, asOf: CalendarDate? = nil)
        throws(ProvenanceError) -> ProvenanceReading
    {
        let formats = files.map { ProvenanceFormat.detect($0.bytes) }
        let layouts = files.indices.filter { formats[$0] == .inTotoLayout }.map { files[$0] }
        if layouts.count > 1 {
            throw .unsupported(
                place: layouts[1].place,
                what: "second in-toto layout: one layout is evaluated at a time (the first is \(layouts[0].place))")
        }
        var claims: [ProvenanceClaim] = []
        var links: [InTotoLink] = []
        for (file, format) in zip(files, formats) where format != .inTotoLayout {
            if format == .inTotoLink, !layouts.isEmpty {
                links.append(try InTotoLink(bytes: file.bytes, place: file.place))
            } else {
                claims += try Self.claims(from: file.bytes, place: file.place, policy: policy)
            }
        }
        guard let file = layouts.first else { return ProvenanceReading(claims: claims) }
        let layout = try InTotoLayout(bytes: file.bytes, place: file.place)
        var evaluation = try layout.evaluate(
            links: links, policy: policy, now: asOf.map { $0.adding(days: 1).startInstant } ?? Date())
        if let asOf {
            let remark = "layout evaluated as of the end of \(asOf) (UTC), not at the time of reading"
            evaluation.remarks.append(remark)
            for index in evaluation.claims.indices { evaluation.claims[index].remarks.append(remark) }
        }
        return ProvenanceReading(claims: claims + evaluation.claims, evaluation: evaluation)
    }
}
